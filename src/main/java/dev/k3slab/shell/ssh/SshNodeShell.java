package dev.k3slab.shell.ssh;

import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.shell.CommandListener;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.SecretReadException;
import dev.k3slab.shell.ShellException;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.xfer.FileSystemFile;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A root shell on one node over one reused sshj connection. Commands are wrapped as
 * {@link SshCommands#asRoot}; stdout and stderr are read at once; a command whose exit status does
 * not arrive (timeout, dropped connection, node rebooted, channel closed without status) gives a
 * result with an empty status and a {@code [k3s-lab]} note at the end of stderr. Connecting is
 * retried with backoff; a command is never sent twice. Every result is masked and handed to the
 * {@link CommandListener}; a secret read ({@link #readSecret}) reaches it with its output withheld.
 *
 * <p>Thread-safe: commands from several threads run as parallel channels on the one connection
 * (OpenSSH allows 10 by default).
 */
public final class SshNodeShell implements NodeShell {

    /** Marks text the harness adds to a result, so nobody mistakes it for the node's output. */
    public static final String NOTE = "[k3s-lab] ";
    /** How long to wait for the exit status after both streams ended. */
    private static final Duration STATUS_GRACE = Duration.ofSeconds(5);
    private static final Duration UPLOAD_MOVE_TIMEOUT = Duration.ofSeconds(60);

    private final String node;
    private final Supplier<SshEndpoint> endpoints;
    private final SshSettings settings;
    private final HostKeyTrust trust;
    private final SecretMasker masker;
    private final CommandListener listener;
    private final DefaultConfig config;
    private SSHClient client;
    private boolean closed;

    /**
     * @param node      lab node name
     * @param endpoints where the node is; asked again on every (re)connect, since a reload may move the port
     * @param settings  timeouts, retries and keep-alive
     * @param trust     the run's host keys
     * @param masker    masks the K3s token in every result
     * @param listener  hears of every command
     */
    public SshNodeShell(String node, Supplier<SshEndpoint> endpoints, SshSettings settings, HostKeyTrust trust,
                        SecretMasker masker, CommandListener listener) {
        this.node = node;
        this.endpoints = endpoints;
        this.settings = settings;
        this.trust = trust;
        this.masker = masker;
        this.listener = listener;
        this.config = new DefaultConfig();
        // The default HEARTBEAT provider sends IGNORE packets and never notices a dead peer.
        this.config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public CommandResult run(String command, Duration timeout) {
        return publish(execute(SshCommands.asRoot(command), command, timeout));
    }

    /**
     * As {@link NodeShell#readSecret}: the clear output is taken before the result is masked and
     * the value registered with the masker; then the result, masked and its stdout withheld, goes
     * to the listener as usual.
     */
    @Override
    public Secret readSecret(String command, Duration timeout) {
        CommandResult clear = execute(SshCommands.asRoot(command), command, timeout);
        String value = clear.stdout().strip();
        if (clear.succeeded() && !value.isEmpty()) {
            masker.register(value);
        }
        CommandResult shown = hear(masker.withholdOutput(clear));
        if (!clear.succeeded()) {
            throw SecretReadException.failed(shown);
        }
        if (value.isEmpty()) {
            throw new SecretReadException(shown, "gave nothing");
        }
        return new Secret(value, shown);
    }

    @Override
    public BackgroundProcess startBackground(String command, String logFile, Duration timeout) {
        String wire = SshCommands.background(command, logFile);
        CommandResult r = publish(execute(wire, "nohup " + command + " > " + logFile + " 2>&1 &", timeout));
        long pid = SshCommands.pid(r.stdout()).filter(p -> r.succeeded()).orElseThrow(() -> new ShellException(node,
                "starting '" + masker.mask(command) + "' in the background gave no process id (" + r.describeStatus()
                        + "); stdout: " + trim(r.stdout()) + "; stderr: " + trim(r.stderr())
                        + ". Likely fix: check that sudo -n works for the SSH user and that " + logFile + " is writable"));
        return new BackgroundProcess(node, masker.mask(command), logFile, pid);
    }

    @Override
    public void upload(Path local, String remotePath) {
        if (!Files.isReadable(local)) {
            throw new ShellException(node, "cannot upload " + local + ": not a readable file");
        }
        String staged = "/tmp/k3s-lab-upload-" + UUID.randomUUID() + "-" + local.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        try (SFTPClient sftp = connection().newSFTPClient()) {
            sftp.put(new FileSystemFile(local.toFile()), staged);
        } catch (IOException e) {
            throw new ShellException(node, "uploading " + local + " to " + staged + " over SFTP failed: " + e.getMessage()
                    + ". Likely fix: the node's sshd needs its sftp subsystem, and /tmp must be writable", e);
        }
        String dir = remotePath.contains("/") && remotePath.lastIndexOf('/') > 0
                ? remotePath.substring(0, remotePath.lastIndexOf('/')) : "/";
        // sshj's FileSystemFile reports 644/755 whatever the file has: set the local mode explicitly.
        CommandResult moved = run("mkdir -p " + SshCommands.quote(dir) + " && mv -f " + SshCommands.quote(staged)
                + " " + SshCommands.quote(remotePath) + " && chmod " + octalMode(local) + " " + SshCommands.quote(remotePath),
                UPLOAD_MOVE_TIMEOUT);
        if (!moved.succeeded()) {
            throw new ShellException(node, "moving the upload " + staged + " to " + remotePath + " failed ("
                    + moved.describeStatus() + "): " + trim(moved.stderr()));
        }
    }

    private String octalMode(Path local) {
        try {
            int mode = 0;
            for (PosixFilePermission p : Files.getPosixFilePermissions(local)) {
                mode |= 1 << (8 - p.ordinal());
            }
            return Integer.toOctalString(mode);
        } catch (IOException | UnsupportedOperationException e) {
            return Files.isExecutable(local) ? "755" : "644";
        }
    }

    @Override
    public synchronized void reconnect(Duration timeout) {
        disconnect();
        client = connect(timeout);
    }

    @Override
    public synchronized void close() {
        closed = true;
        disconnect();
    }

    private CommandResult execute(String wire, String shown, Duration timeout) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Session session = openSession();
        Session.Command cmd;
        try {
            cmd = session.exec(wire);
        } catch (IOException e) {
            closeQuietly(session);
            dropIfDead();
            return finish(shown, OptionalInt.empty(), "", NOTE + "no exit status: the connection failed while the command"
                    + " was being sent, so it may have run; it was not sent again (" + e.getMessage() + ")", started, t0);
        }
        OutputDrain out = new OutputDrain(cmd.getInputStream());
        OutputDrain err = new OutputDrain(cmd.getErrorStream());
        long deadline = t0 + timeout.toNanos();
        boolean ended = out.awaitEnd(deadline) && err.awaitEnd(deadline);
        OptionalInt status = OptionalInt.empty();
        String note;
        if (ended) {
            try {
                cmd.join(STATUS_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                // The status may be missing; it is read below either way.
            }
            closeQuietly(cmd);
            Integer s = cmd.getExitStatus();
            status = s == null ? OptionalInt.empty() : OptionalInt.of(s);
            note = s != null ? null : whyNoStatus(cmd, out, err);
        } else {
            closeQuietly(cmd);
            out.cancel();
            err.cancel();
            note = NOTE + "no exit status within " + timeout.toSeconds() + " s; the command may still be running on the node";
        }
        dropIfDead();
        String stderr = err.text();
        if (note != null) {
            stderr += (stderr.isEmpty() || stderr.endsWith("\n") ? "" : "\n") + note;
        }
        return finish(shown, status, out.text(), stderr, started, t0);
    }

    private String whyNoStatus(Session.Command cmd, OutputDrain out, OutputDrain err) {
        if (cmd.getExitSignal() != null) {
            return NOTE + "no exit status: the command was ended by signal " + cmd.getExitSignal();
        }
        IOException e = out.error() != null ? out.error() : err.error();
        if (e != null || !isConnected()) {
            return NOTE + "no exit status: the connection was lost while the command ran"
                    + (e == null ? "" : " (" + e.getMessage() + ")") + "; the node may have rebooted";
        }
        return NOTE + "no exit status: the node closed the channel without sending one";
    }

    /** The result as it arrived: not masked, not yet heard by the listener (see {@link #publish}). */
    private CommandResult finish(String shown, OptionalInt status, String stdout, String stderr, Instant started, long t0) {
        return new CommandResult(node, shown, status, stdout, stderr, started, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Masks a result and hands it to the listener: the only way a result leaves this shell. */
    private CommandResult publish(CommandResult clear) {
        return hear(masker.mask(clear));
    }

    /** Hands a masked result to the listener. */
    private CommandResult hear(CommandResult masked) {
        listener.commandFinished(masked);
        return masked;
    }

    private Session openSession() {
        try {
            return connection().startSession();
        } catch (IOException first) {
            // Opening a channel sends no command, so one more try on a fresh connection is safe.
            synchronized (this) {
                disconnect();
            }
            try {
                return connection().startSession();
            } catch (IOException e) {
                throw new ShellException(node, "cannot open an SSH session: " + e.getMessage(), e);
            }
        }
    }

    private synchronized SSHClient connection() {
        if (closed) {
            throw new ShellException(node, "this shell has been closed");
        }
        if (client == null || !client.isConnected() || !client.isAuthenticated()) {
            disconnect();
            client = connect(settings.connectWindow());
        }
        return client;
    }

    private synchronized boolean isConnected() {
        return client != null && client.isConnected();
    }

    private synchronized void dropIfDead() {
        if (client != null && !client.isConnected()) {
            disconnect();
        }
    }

    private SSHClient connect(Duration window) {
        SshEndpoint ep;
        try {
            ep = endpoints.get();
        } catch (RuntimeException e) {
            throw new ShellException(node, "cannot find where to connect: " + e.getMessage(), e);
        }
        String where = ep.user() + "@" + ep.host() + ":" + ep.port();
        if (!Files.isReadable(ep.identityFile())) {
            throw new ShellException(node, "cannot read the private key " + ep.identityFile() + " for " + where
                    + ". Likely fix: the VM was destroyed or its .vagrant folder moved; `./lab down` and run again");
        }
        KeyProvider key = loadKey(ep, where);
        long deadline = System.nanoTime() + window.toNanos();
        Duration pause = settings.backoffInitial();
        int attempts = 0;
        IOException last;
        while (true) {
            attempts++;
            SSHClient c = new SSHClient(config);
            try {
                c.setConnectTimeout((int) settings.connectTimeout().toMillis());
                c.getTransport().setTimeoutMs((int) settings.connectTimeout().toMillis());
                KeepAlive keepAlive = c.getConnection().getKeepAlive();
                keepAlive.setKeepAliveInterval((int) Math.max(1, settings.keepAliveInterval().toSeconds()));
                if (keepAlive instanceof KeepAliveRunner runner) {
                    runner.setMaxAliveCount(settings.keepAliveMaxMisses());
                }
                c.addHostKeyVerifier(trust.verifierFor(node));
                HandshakeGuard.connect(c, ep.host(), ep.port(), settings.connectTimeout(), node);
                // Small request/response packets: without this, Nagle and delayed ACKs add ~40 ms to every channel open.
                c.getSocket().setTcpNoDelay(true);
                c.authPublickey(ep.user(), key);
                return c;
            } catch (IOException e) {
                closeQuietly(c);
                var refused = trust.mismatch(node);
                if (refused.isPresent()) {
                    throw new ShellException(node, refused.get().message(), e);
                }
                last = e;
            }
            if (System.nanoTime() + pause.toNanos() > deadline) {
                break;
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : pause.multipliedBy(2);
        }
        throw new ShellException(node, "cannot connect to " + where + " with key " + ep.identityFile() + " (" + attempts
                + " attempts in " + window.toSeconds() + " s); last error: " + last + ". Likely fix: " + fixFor(last), last);
    }

    /** Reads the key once, before connecting: a bad key file must fail at once, not after every retry. */
    private KeyProvider loadKey(SshEndpoint ep, String where) {
        try (SSHClient reader = new SSHClient(config)) {
            KeyProvider key = reader.loadKeys(ep.identityFile().toString());
            key.getPublic();
            return key;
        } catch (IOException e) {
            throw new ShellException(node, "cannot load the private key " + ep.identityFile() + " for " + where + ": "
                    + e.getMessage() + ". Likely fix: use the key `vagrant ssh-config` names (OpenSSH, PKCS#1 or PKCS#8 format)", e);
        }
    }

    private static String fixFor(IOException e) {
        if (e instanceof UserAuthException) {
            return "the node refused the key: check that this is the machine's current key (`vagrant ssh-config`)";
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "nothing listens there: is the machine running (`vagrant status`)? after a reboot it may need longer";
        }
        return "the machine may still be booting or be overloaded: look at `vagrant status` and the VM console";
    }

    /** Pause between connect attempts: the backoff itself, nothing to poll. */
    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellException(node, "interrupted while waiting to connect again", e);
        }
    }

    private void disconnect() {
        if (client != null) {
            closeQuietly(client);
            client = null;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Closing something already broken: nothing more to learn from it.
        }
    }

    private static String trim(String s) {
        String t = s.strip();
        return t.isEmpty() ? "(empty)" : t.length() > 500 ? "..." + t.substring(t.length() - 500) : t;
    }
}
