package dev.k3slab.emulator.ssh;

import dev.k3slab.emulator.node.TestNode;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.xfer.InMemorySourceFile;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class NodeSshServerTest {
    @TempDir
    Path run;
    TestNode node;
    NodeSshServer server;
    Path key;
    int port;

    @BeforeEach
    void start() throws Exception {
        node = new TestNode(run.resolve("nodes/cp-1"));
        KeyPair user = LabKeys.user(run.resolve("ssh"));
        key = LabKeys.userKeyFile(run.resolve("ssh"));
        server = new NodeSshServer(node, LabKeys.host(run.resolve("ssh"), "cp-1"), user.getPublic());
        port = server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
        Threads.awaitEmulatedSshEnded();
    }

    @Test
    void anExecRequestRunsInTheNodeInterpreterWithStdoutStderrAndStatus() throws Exception {
        try (Ssh ssh = new Ssh(port, "vagrant", key)) {
            Ssh.Result r = ssh.exec(Ssh.asRoot("echo \"it's $(whoami) on $(hostname)\"; ls /nope; exit 3"));
            assertThat(r.out()).isEqualTo("it's root on cp-1\n");
            assertThat(r.err()).isEqualTo("ls: cannot access '/nope': No such file or directory\n");
            assertThat(r.status()).isEqualTo(3);
            assertThat(ssh.exec("whoami").out()).isEqualTo("vagrant\n");
        }
        try (Ssh ssh = new Ssh(port, "root", key)) {
            assertThat(ssh.exec("whoami").out()).isEqualTo("root\n");
        }
    }

    @Test
    void onlyTheRunsKeyAndTheLabUsersMayLogIn() throws Exception {
        KeyPair other = LabKeys.user(run.resolve("other"));
        assertThat(other.getPublic()).isNotEqualTo(LabKeys.user(run.resolve("ssh")).getPublic());
        assertThatThrownBy(() -> new Ssh(port, "vagrant", LabKeys.userKeyFile(run.resolve("other"))).close())
                .isInstanceOf(UserAuthException.class);
        assertThatThrownBy(() -> new Ssh(port, "ubuntu", key).close()).isInstanceOf(UserAuthException.class);
    }

    @Test
    void anInteractiveShellIsRefusedLoudly() throws Exception {
        try (Ssh ssh = new Ssh(port, "vagrant", key); Session s = ssh.client.startSession()) {
            Session.Shell shell = s.startShell();
            String err = new String(shell.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            shell.join(5, TimeUnit.SECONDS);
            assertThat(err).startsWith("not modelled by the emulated lab: an interactive shell on cp-1");
            assertThat(((net.schmizz.sshj.connection.channel.direct.SessionChannel) shell).getExitStatus()).isEqualTo(127);
        }
    }

    @Test
    void severalExecChannelsRunAtOnceOnOneNode() throws Exception {
        int n = 4;
        CountDownLatch allIn = new CountDownLatch(n);
        CountDownLatch release = new CountDownLatch(1);
        node.programs.put("wait-for-all", inv -> {
            allIn.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inv.stdout().println("released");
            return 0;
        });
        dev.k3slab.emulator.ProgramFiles.write(node.files().resolve("/usr/local/bin/wait-for-all"), "wait-for-all");
        ExecutorService clients = Executors.newFixedThreadPool(n);
        try (Ssh ssh = new Ssh(port, "vagrant", key)) {
            List<Future<Ssh.Result>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(clients.submit(() -> ssh.exec(Ssh.asRoot("wait-for-all"))));
            }
            assertThat(allIn.await(20, TimeUnit.SECONDS)).as("all %d commands running at the same time", n).isTrue();
            release.countDown();
            for (Future<Ssh.Result> f : results) {
                assertThat(f.get(20, TimeUnit.SECONDS)).isEqualTo(new Ssh.Result(0, "released\n", ""));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void stoppingTheServerDropsARunningCommandWithoutExitStatusAndItComesBackOnTheSamePortAndHostKey()
            throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        node.programs.put("hang", inv -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        dev.k3slab.emulator.ProgramFiles.write(node.files().resolve("/usr/local/bin/hang"), "hang");
        AtomicReference<PublicKey> seen = new AtomicReference<>();
        HostKeyVerifier remember = new HostKeyVerifier() {
            @Override
            public boolean verify(String host, int p, PublicKey k) {
                seen.compareAndSet(null, k);
                return k.equals(seen.get());
            }

            @Override
            public List<String> findExistingAlgorithms(String host, int p) {
                return List.of();
            }
        };
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (SSHClient ssh = new SSHClient()) {
            ssh.addHostKeyVerifier(remember);
            ssh.connect("127.0.0.1", port);
            ssh.authPublickey("vagrant", ssh.loadKeys(key.toString()));
            Future<Integer> status = client.submit(() -> {
                try (Session s = ssh.startSession()) {
                    Session.Command c = s.exec(Ssh.asRoot("echo before; hang; echo after"));
                    c.getInputStream().readAllBytes();
                    c.join(10, TimeUnit.SECONDS);
                    return c.getExitStatus();
                } catch (Exception e) {
                    return null;
                }
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            server.stop();
            assertThat(status.get(20, TimeUnit.SECONDS)).as("exit status after the node went down").isNull();
        } finally {
            client.shutdownNow();
        }
        assertThat(server.start(port)).isEqualTo(port);
        try (SSHClient again = new SSHClient()) {
            again.addHostKeyVerifier(remember);
            again.connect("127.0.0.1", port);
            again.authPublickey("vagrant", again.loadKeys(key.toString()));
            try (Session s = again.startSession()) {
                Session.Command c = s.exec("echo back");
                assertThat(new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("back\n");
            }
        }
    }
    @Test
    void sftpSeesTheNodesDiskAsItsWholeFileSystemAndWritesGetTheLabTime() throws Exception {
        node.write("/etc/hostname", "cp-1\n");
        node.clock.advance(java.time.Duration.ofMinutes(5));
        try (Ssh ssh = new Ssh(port, "vagrant", key); SFTPClient sftp = ssh.client.newSFTPClient()) {
            assertThat(sftp.ls("/").stream().map(e -> e.getName())).contains("etc", "tmp", "root", "home");
            assertThat(sftp.ls("/../..").stream().map(e -> e.getName())).as("'..' cannot leave the node's disk")
                    .contains("etc", "tmp").doesNotContain("nodes");
            try (var f = sftp.open("/etc/hostname"); InputStream in = f.new RemoteFileInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("cp-1\n");
            }
            sftp.put(bytes("uploaded", "hello\n"), "/tmp/uploaded");
        }
        Path written = node.files().resolve("/tmp/uploaded");
        assertThat(Files.readString(written)).isEqualTo("hello\n");
        assertThat(Files.getLastModifiedTime(node.files().resolve("/tmp")).toInstant())
                .as("the folder the upload changed has the lab time").isEqualTo(Instant.parse("2026-02-22T04:45:00Z"));
    }

    @Test
    void asVagrantSftpMayWriteOnlyTmpAndItsHomeAndRefusesTheRestAsNotModelled() throws Exception {
        try (Ssh ssh = new Ssh(port, "vagrant", key); SFTPClient sftp = ssh.client.newSFTPClient()) {
            sftp.put(bytes("a", "a"), "/home/vagrant/a");
            assertThatThrownBy(() -> sftp.put(bytes("b", "b"), "/etc/b")).isInstanceOf(SFTPException.class)
                    .hasMessageContaining("not modelled by the emulated lab: SFTP writing a file as user vagrant");
            assertThatThrownBy(() -> sftp.mkdir("/opt")).isInstanceOf(SFTPException.class)
                    .hasMessageContaining("not modelled by the emulated lab");
        }
        assertThat(node.files().resolve("/home/vagrant/a")).hasContent("a");
        assertThat(node.files().resolve("/etc/b")).doesNotExist();
        try (Ssh ssh = new Ssh(port, "root", key); SFTPClient sftp = ssh.client.newSFTPClient()) {
            sftp.put(bytes("b", "b"), "/etc/b");
        }
        assertThat(node.files().resolve("/etc/b")).hasContent("b");
    }

    private static InMemorySourceFile bytes(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        return new InMemorySourceFile() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public long getLength() {
                return data.length;
            }

            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(data);
            }
        };
    }
}
