package dev.k3slab.shell.ssh;

import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.shell.CommandLog;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.SecretReadException;
import dev.k3slab.shell.ShellException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shell against an in-process MINA sshd that acts out the faults (see {@link ScriptedSshServer}). */
class SshNodeShellTest {

    static final Duration T = Duration.ofSeconds(20);
    static final SshSettings FAST = new SshSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(100),
            Duration.ofMillis(500), Duration.ofSeconds(1), 2);

    @TempDir
    Path tmp;
    Path key;
    KeyPair pair;
    ScriptedSshServer server;
    final CommandLog log = new CommandLog();
    final SecretMasker masker = new SecretMasker();
    final HostKeyTrust trust = new HostKeyTrust();
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void start() {
        key = tmp.resolve("client.pem");
        pair = TestKeys.writeRsaKey(key);
        server = ScriptedSshServer.start(0, tmp.resolve("host-a.ser"), pair.getPublic());
        open.add(server);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    SshNodeShell shell(int port, SshSettings settings) {
        SshNodeShell s = new SshNodeShell("cp-1", () -> new SshEndpoint("cp-1", "127.0.0.1", port, "vagrant", key),
                settings, trust, masker, log);
        open.add(0, s);
        return s;
    }

    SshNodeShell shell() {
        return shell(server.port(), FAST);
    }

    @Test
    void aCommandRunsAsRootThroughTheFixedWrapperAndReturnsOutputAndStatus() {
        CommandResult r = shell().run("echo hello", T);
        assertThat(server.received).containsExactly("sudo -n sh -c 'echo hello'");
        assertThat(r.stdout()).isEqualTo("hello\n");
        assertThat(r.exitStatus()).hasValue(0);
        assertThat(r.command()).isEqualTo("echo hello");
        assertThat(r.node()).isEqualTo("cp-1");
    }

    @Test
    void singleQuotesInsideTheCommandAreEscapedForTheWrapper() {
        CommandResult r = shell().run("echo 'a b'", T);
        assertThat(server.received).containsExactly("sudo -n sh -c 'echo '\"'\"'a b'\"'\"''");
        assertThat(r.stdout()).isEqualTo("'a b'\n");
    }

    @Test
    void aFailingCommandHasItsExitStatusAndIsNotUnknown() {
        CommandResult r = shell().run("fail", T);
        assertThat(r.exitStatus()).hasValue(3);
        assertThat(r.failed()).isTrue();
        assertThat(r.describeStatus()).isEqualTo("exited 3");
        assertThat(r.stderr()).isEqualTo("it failed\n");
    }

    @Test
    void aHangingCommandEndsAtItsTimeoutWithoutStatusKeepingTheOutputSoFar() {
        SshNodeShell shell = shell();
        CommandResult r = shell.run("hang", Duration.ofSeconds(1));
        assertThat(r.statusUnknown()).isTrue();
        assertThat(r.failed()).isFalse();
        assertThat(r.stdout()).isEqualTo("started\n");
        assertThat(r.stderr()).contains(SshNodeShell.NOTE + "no exit status within 1 s");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(5));
        assertThat(shell.run("echo still usable", T).succeeded()).isTrue();
    }

    @Test
    void multiMegabyteOutputOnBothStreamsArrivesWhole() {
        CommandResult r = shell().run("big", Duration.ofSeconds(60));
        assertThat(r.exitStatus()).hasValue(0);
        assertThat(r.stdout()).hasSize(ScriptedSshServer.BIG);
        assertThat(r.stderr()).hasSize(ScriptedSshServer.BIG);
    }

    @Test
    void aChannelClosedWithoutExitStatusIsUnknownNotFailed() {
        CommandResult r = shell().run("no-status", T);
        assertThat(r.statusUnknown()).isTrue();
        assertThat(r.describeStatus()).isEqualTo("no exit status received");
        assertThat(r.stdout()).isEqualTo("partial\n");
        assertThat(r.stderr()).contains("closed the channel without sending one");
    }

    @Test
    void aDroppedConnectionLeavesTheStatusUnknownNeverResendsAndTheNextCommandReconnects() {
        SshNodeShell shell = shell();
        CommandResult dropped = shell.run("drop", T);
        assertThat(dropped.statusUnknown()).isTrue();
        assertThat(dropped.stderr()).contains("no exit status");
        assertThat(server.count("sudo -n sh -c 'drop'")).isEqualTo(1);

        CommandResult next = shell.run("echo again", T);
        assertThat(next.stdout()).isEqualTo("again\n");
        assertThat(server.sessions.get()).isEqualTo(2);
        assertThat(server.count("sudo -n sh -c 'drop'")).isEqualTo(1);
    }

    @Test
    void oneConnectionCarriesEveryCommandAndEachIsRecordedWithItsTiming() {
        SshNodeShell shell = shell();
        shell.run("echo 1", T);
        shell.run("fail", T);
        shell.run("echo 3", T);
        assertThat(server.sessions.get()).isEqualTo(1);
        assertThat(log.results()).extracting(CommandResult::command).containsExactly("echo 1", "fail", "echo 3");
        assertThat(log.results()).allSatisfy(r -> assertThat(r.took()).isPositive());
    }

    @Test
    void commandsFromSeveralThreadsShareTheConnection() throws Exception {
        SshNodeShell shell = shell();
        List<CompletableFuture<CommandResult>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String c = "echo " + i;
            all.add(CompletableFuture.supplyAsync(() -> shell.run(c, T)));
        }
        for (int i = 0; i < 6; i++) {
            assertThat(all.get(i).get(30, TimeUnit.SECONDS).stdout()).isEqualTo(i + "\n");
        }
        assertThat(server.sessions.get()).isEqualTo(1);
    }

    @Test
    void theK3sTokenIsMaskedInResultsAndInTheRecord() {
        String token = "K10" + "ab".repeat(32) + "::server:s3cr3tpass";
        masker.register(token);
        CommandResult r = shell().run("echo " + token, T);
        assertThat(r.command()).doesNotContain("s3cr3tpass").contains(SecretMasker.MASK);
        assertThat(r.stdout()).doesNotContain("s3cr3tpass");
        assertThat(log.results().get(0).stdout()).doesNotContain("s3cr3tpass");
        assertThat(server.received.get(0)).contains("s3cr3tpass");
    }

    @Test
    void aSecretReadComesBackInClearOnlyToTheCallerAndIsMaskedEverywhereFromThen() {
        String token = "K10" + "cd".repeat(32) + "::server:an0ther5ecret";
        SshNodeShell shell = shell();
        NodeShell.Secret secret = shell.readSecret("echo " + token, T);
        assertThat(secret.value()).isEqualTo(token);
        assertThat(secret.result().stdout()).isEqualTo(SecretMasker.MASK + "\n");
        assertThat(secret.toString()).doesNotContain("an0ther5ecret");
        assertThat(log.results().get(0).stdout()).isEqualTo(SecretMasker.MASK + "\n");
        CommandResult later = shell.run("echo an0ther5ecret", T);
        assertThat(later.command()).isEqualTo("echo " + SecretMasker.MASK);
        assertThat(later.stdout()).isEqualTo(SecretMasker.MASK + "\n");
        assertThatThrownBy(() -> shell.readSecret("fail", T)).isInstanceOf(ShellException.class)
                .hasMessageContaining("exited 3");
    }

    @Test
    void aSecretIsReadInClearRegisteredAndHeardByTheListenerOnlyWithItsOutputWithheld() {
        String password = "0a1b2c3d4e5f60718293";
        String token = "K10" + "cd".repeat(32) + "::server:" + password;
        SshNodeShell shell = shell();
        assertThat(shell.readSecret("echo " + token, T).value()).isEqualTo(token);
        assertThat(server.received).containsExactly("sudo -n sh -c 'echo " + token + "'");
        CommandResult heard = log.results().get(0);
        assertThat(heard.stdout()).isEqualTo(SecretMasker.MASK + "\n");
        assertThat(heard.exitStatus()).hasValue(0);
        assertThat(masker.mask("the password alone: " + password)).isEqualTo("the password alone: " + SecretMasker.MASK);
        assertThat(log.results().toString()).doesNotContain(password).doesNotContain("cd".repeat(32));
    }

    @Test
    void aSecretThatDoesNotLookLikeATokenIsMaskedInEveryLaterResult() {
        SshNodeShell shell = shell();
        assertThat(shell.readSecret("echo plain-password-42", T).value()).isEqualTo("plain-password-42");
        CommandResult later = shell.run("echo the password is plain-password-42", T);
        assertThat(later.stdout()).isEqualTo("the password is " + SecretMasker.MASK + "\n");
        assertThat(later.command()).isEqualTo("echo the password is " + SecretMasker.MASK);
        assertThat(log.results()).hasSize(2);
        assertThat(log.results().toString()).doesNotContain("plain-password-42");
    }

    @Test
    void aSecretReadThatExitsNonZeroNamesNodeCommandAndStatusWithoutQuotingTheOutput() {
        assertThatThrownBy(() -> shell().readSecret("echo-fail half-read-secret-99", T))
                .isInstanceOfSatisfying(SecretReadException.class, e -> {
                    assertThat(e.node()).isEqualTo("cp-1");
                    assertThat(e.result().exitStatus()).hasValue(3);
                    assertThat(e.result().stdout()).isEqualTo(SecretMasker.MASK + "\n");
                })
                .hasMessageStartingWith("cp-1: reading a secret with 'echo-fail ********' exited 3")
                .hasMessageContaining("stderr: it failed")
                .message().doesNotContain("half-read-secret-99");
        assertThat(log.results().toString()).doesNotContain("half-read-secret-99");
    }

    @Test
    void aSecretReadThatPrintsNothingIsRefusedWithItsStatus() {
        assertThatThrownBy(() -> shell().readSecret("echo ", T))
                .isInstanceOfSatisfying(SecretReadException.class, e -> assertThat(e.result().exitStatus()).hasValue(0))
                .hasMessageStartingWith("cp-1: reading a secret with 'echo ' gave nothing");
    }

    @Test
    void aSecretReadWithoutExitStatusIsAnUnknownOutcomeNotAFailure() {
        assertThatThrownBy(() -> shell().readSecret("no-status", T))
                .isInstanceOfSatisfying(SecretReadException.class, e -> assertThat(e.result().statusUnknown()).isTrue())
                .hasMessageContaining("no exit status received").message().doesNotContain("partial");
    }

    @Test
    void aBackgroundStartSendsTheFixedNohupShapeAndReturnsThePid() {
        NodeShell.BackgroundProcess p = shell().startBackground(
                "k3s server --node-ip 192.168.56.13 --advertise-address 192.168.56.13", "/var/log/k3s-fg.log", T);
        assertThat(server.received).containsExactly("sudo -n sh -c 'nohup sh -c '\"'\"'k3s server --node-ip 192.168.56.13"
                + " --advertise-address 192.168.56.13'\"'\"' > /var/log/k3s-fg.log 2>&1 < /dev/null & echo $!'");
        assertThat(p.pid()).isEqualTo(4242);
        assertThat(p.logFile()).isEqualTo("/var/log/k3s-fg.log");
    }

    @Test
    void connectingIsRetriedWithBackoffUntilTheNodeListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SshNodeShell shell = shell(port, FAST.withConnectWindow(Duration.ofSeconds(15)));
        CompletableFuture<CommandResult> r = CompletableFuture.supplyAsync(() -> shell.run("echo booted", T));
        Thread.sleep(800); // the node is "booting": nothing listens yet
        ScriptedSshServer late = ScriptedSshServer.start(port, tmp.resolve("host-late.ser"), pair.getPublic());
        open.add(late);
        assertThat(r.get(20, TimeUnit.SECONDS).stdout()).isEqualTo("booted\n");
    }

    @Test
    void connectingGivesUpAfterItsWindowNamingWhereAndWhy() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> shell(port, FAST.withConnectWindow(Duration.ofSeconds(1))).run("echo x", T))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("cp-1: cannot connect to vagrant@127.0.0.1:" + port)
                .hasMessageContaining("Likely fix: nothing listens there");
    }

    @Test
    void aPortThatAcceptsButNeverSendsTheSshBannerIsGivenUpAfterTheWindowNotWaitedOnForever() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.start();
            SshSettings quick = new SshSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100),
                    Duration.ofMillis(500), Duration.ofSeconds(1), 2);
            SshNodeShell shell = shell(silent.getLocalPort(), quick);

            CompletableFuture<CommandResult> r = CompletableFuture.supplyAsync(() -> shell.run("echo x", T));

            assertThatThrownBy(() -> r.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(ShellException.class)
                    .hasMessageContaining("cannot connect to vagrant@127.0.0.1:" + silent.getLocalPort())
                    .hasMessageContaining("no SSH handshake within 1 s from 127.0.0.1:" + silent.getLocalPort()
                            + " (the port accepts connections but no SSH server answers)");
            silent.close();
            acceptor.join(5000);
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aDeadPeerIsNoticedByTheKeepAliveLongBeforeTheCommandTimeout() throws Exception {
        FreezingProxy proxy = new FreezingProxy(server.port());
        open.add(0, proxy);
        SshNodeShell shell = shell(proxy.port(), FAST);
        shell.run("echo warm", T);
        CompletableFuture<CommandResult> r = CompletableFuture.supplyAsync(() -> shell.run("hang", Duration.ofSeconds(60)));
        Thread.sleep(300); // let the command start before the peer goes silent
        proxy.freeze();
        CommandResult result = r.get(30, TimeUnit.SECONDS);
        assertThat(result.statusUnknown()).isTrue();
        assertThat(result.stderr()).contains("connection was lost");
        assertThat(result.took()).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void afterTheNodeRebootsWithTheSameHostKeyTheShellReconnects() {
        SshNodeShell shell = shell();
        shell.run("echo before", T);
        int port = server.port();
        server.close();
        ScriptedSshServer again = ScriptedSshServer.start(port, tmp.resolve("host-a.ser"), pair.getPublic());
        open.add(again);
        shell.reconnect(Duration.ofSeconds(10));
        assertThat(shell.run("echo after", T).stdout()).isEqualTo("after\n");
        // and without an explicit reconnect: the stale connection is replaced before the command is sent
        again.close();
        ScriptedSshServer third = ScriptedSshServer.start(port, tmp.resolve("host-a.ser"), pair.getPublic());
        open.add(third);
        assertThat(shell.run("echo third", T).stdout()).isEqualTo("third\n");
        assertThat(third.count("sudo -n sh -c 'echo third'")).isEqualTo(1);
    }

    @Test
    void aHostKeyThatChangesDuringTheRunIsRefusedNamingBothFingerprintsAndTheFix() {
        SshNodeShell shell = shell();
        shell.run("echo first", T);
        String first = trust.fingerprint("cp-1").orElseThrow();
        int port = server.port();
        server.close();
        ScriptedSshServer recreated = ScriptedSshServer.start(port, tmp.resolve("host-b.ser"), pair.getPublic());
        open.add(recreated);
        assertThatThrownBy(() -> shell.reconnect(Duration.ofSeconds(5)))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("host key of cp-1 changed during this run: first " + first + ", now SHA256:")
                .hasMessageContaining("the VM was recreated; rerun or `./lab down`");
        assertThat(recreated.received).isEmpty();
    }

    @Test
    void aMissingKeyFileFailsAtOnceNamingIt() {
        SshNodeShell s = new SshNodeShell("w-2", () -> new SshEndpoint("w-2", "127.0.0.1", server.port(), "vagrant",
                tmp.resolve("gone/private_key")), FAST, trust, masker, log);
        open.add(0, s);
        assertThatThrownBy(() -> s.run("echo x", T))
                .isInstanceOf(ShellException.class)
                .hasMessageContaining("w-2: cannot read the private key " + tmp.resolve("gone/private_key"));
    }

    @Test
    void thePoolGivesOneShellPerNodeAndClosesThemAll() {
        SshShellPool pool = new SshShellPool(n -> new SshEndpoint(n, "127.0.0.1", server.port(), "vagrant", key),
                FAST, trust, masker, log);
        NodeShell a = pool.shell("cp-1");
        assertThat(pool.shell("cp-1")).isSameAs(a);
        assertThat(pool.shell("cp-2")).isNotSameAs(a);
        a.run("echo x", T);
        pool.close();
        assertThatThrownBy(() -> a.run("echo y", T)).isInstanceOf(ShellException.class).hasMessageContaining("closed");
    }
}
