package dev.k3slab.shell.ssh;

import dev.k3slab.machine.SshEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private OpenSSH server on a free 127.0.0.1 port, for the end-to-end test and the SSH benchmark:
 * the lab's VMs run OpenSSH, so this is the server the shell must work with. It has its own host key,
 * client key, authorized_keys and config in a work folder, logs in as the user running the JVM, and
 * serves SFTP. Needs {@code /usr/sbin/sshd} (Debian's openssh-server) and {@code ssh-keygen}.
 */
public final class LocalSshd implements AutoCloseable {

    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    private static final Duration START_LIMIT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path clientKey;
    private final Path log;
    private final String user;

    private LocalSshd(Process process, int port, Path clientKey, Path log, String user) {
        this.process = process;
        this.port = port;
        this.clientKey = clientKey;
        this.log = log;
        this.user = user;
    }

    /** True when sshd and ssh-keygen are installed. */
    public static boolean available() {
        return Files.isExecutable(SSHD) && onPath("ssh-keygen");
    }

    /** Starts sshd with everything it needs under {@code workDir}; waits until it accepts connections. */
    public static LocalSshd start(Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path hostKey = keygen(workDir.resolve("host_ed25519"));
            Path clientKey = keygen(workDir.resolve("client_ed25519"));
            Files.copy(workDir.resolve("client_ed25519.pub"), workDir.resolve("authorized_keys"));
            ensurePrivsepDir();
            IOException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                Path config = workDir.resolve("sshd_config");
                Files.write(config, List.of(
                        "Port " + port,
                        "ListenAddress 127.0.0.1",
                        "HostKey " + hostKey,
                        "PidFile " + workDir.resolve("sshd.pid"),
                        "AuthorizedKeysFile " + workDir.resolve("authorized_keys"),
                        "PubkeyAuthentication yes",
                        "PasswordAuthentication no",
                        "KbdInteractiveAuthentication no",
                        "PermitRootLogin prohibit-password",
                        // The work folder lives under /tmp: owner and mode checks would refuse it.
                        "StrictModes no",
                        "UsePAM no",
                        "Subsystem sftp internal-sftp",
                        "LogLevel INFO"));
                Path log = workDir.resolve("sshd.log");
                Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                LocalSshd sshd = new LocalSshd(p, port, clientKey, log, System.getProperty("user.name"));
                if (sshd.awaitListening()) {
                    return sshd;
                }
                sshd.close();
                last = new IOException("sshd did not start on port " + port + ": " + Files.readString(log).strip());
            }
            throw last;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a local OpenSSH server in " + workDir + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public Path clientKey() {
        return clientKey;
    }

    /** The endpoint a shell for {@code node} uses to reach this server. */
    public SshEndpoint endpoint(String node) {
        return new SshEndpoint(node, "127.0.0.1", port, user, clientKey);
    }

    /** What sshd logged so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitListening() {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                // sshd has not bound its port yet: poll again
                pause();
            }
        }
        return false;
    }

    /** The pause between probes of a starting sshd; there is no event to wait on. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path keygen(Path file) throws IOException {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "k3s-lab-test", "-f", file.toString())
                .redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("ssh-keygen failed for " + file + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating " + file, e);
        }
        return file;
    }

    /** Debian's sshd refuses to start without its privilege separation folder, which systemd normally makes. */
    private static void ensurePrivsepDir() throws IOException {
        if (!Files.isDirectory(PRIVSEP_DIR) && "root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(PRIVSEP_DIR);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
