package dev.k3slab.shell.ssh;

import dev.k3slab.shell.CommandLog;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.SecretMasker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shell against a real OpenSSH sshd (Debian's openssh-server) on a free loopback port, the
 * server the VMs run. Skipped where /usr/sbin/sshd is not installed, except on CI (which installs it).
 */
class OpenSshEndToEndTest {

    static final Duration T = Duration.ofSeconds(30);

    @TempDir
    static Path tmp;
    static LocalSshd sshd;
    static final HostKeyTrust trust = new HostKeyTrust();
    static final CommandLog log = new CommandLog();

    @BeforeAll
    static void startSshd() {
        if (!LocalSshd.available() && "true".equals(System.getenv("CI"))) {
            fail("OpenSSH's sshd is not installed on CI; .ci/run must install openssh-server");
        }
        assumeTrue(LocalSshd.available(), "OpenSSH's sshd is not installed (apt-get install openssh-server)");
        sshd = LocalSshd.start(tmp.resolve("sshd"));
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    static SshNodeShell shell() {
        return new SshNodeShell("cp-1", () -> sshd.endpoint("cp-1"), SshSettings.defaults().withConnectWindow(Duration.ofSeconds(10)),
                trust, new SecretMasker(), log);
    }

    @Test
    void commandsRunAsRootWithSeparateStreamsAndTheirExitStatus() {
        try (SshNodeShell shell = shell()) {
            CommandResult id = shell.run("id -u", T);
            assertThat(id.exitStatus()).as("sshd log: %s", sshd.log()).hasValue(0);
            assertThat(id.stdout()).isEqualTo("0\n");

            CommandResult both = shell.run("echo out; echo 'it''s err' >&2; exit 7", T);
            assertThat(both.exitStatus()).hasValue(7);
            assertThat(both.stdout()).isEqualTo("out\n");
            assertThat(both.stderr()).isEqualTo("its err\n");
        }
    }

    @Test
    void anUploadLandsAtItsPathInANewFolderWithItsMode() throws Exception {
        Path local = tmp.resolve("etcdctl-wrapper.sh");
        Files.writeString(local, "#!/bin/sh\necho uploaded\n");
        Files.setPosixFilePermissions(local, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        String dir = "/tmp/k3s-lab-e2e-" + UUID.randomUUID();
        try (SshNodeShell shell = shell()) {
            shell.upload(local, dir + "/bin/wrapper.sh");
            CommandResult ran = shell.run(dir + "/bin/wrapper.sh && stat -c %a " + dir + "/bin/wrapper.sh", T);
            assertThat(ran.stdout()).as("stderr: %s", ran.stderr()).isEqualTo("uploaded\n750\n");
            shell.run("rm -rf " + dir, T);
        }
    }

    @Test
    void aBackgroundProcessOutlivesTheSessionAndWritesItsLog() {
        String logFile = "/tmp/k3s-lab-e2e-" + UUID.randomUUID() + ".log";
        NodeShell.BackgroundProcess p;
        try (SshNodeShell shell = shell()) {
            p = shell.startBackground("echo started; sleep 2; echo finished", logFile, T);
            assertThat(p.pid()).isPositive();
        }
        try (SshNodeShell later = shell()) {
            await("background process finished").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                    .until(() -> later.run("cat " + logFile, T).stdout().contains("finished"));
            assertThat(later.run("cat " + logFile, T).stdout()).isEqualTo("started\nfinished\n");
            later.run("rm -f " + logFile, T);
        }
    }

    @Test
    void theHostKeyIsRememberedAcrossReconnects() {
        try (SshNodeShell shell = shell()) {
            shell.run("true", T);
            String first = trust.fingerprint("cp-1").orElseThrow();
            shell.reconnect(Duration.ofSeconds(10));
            assertThat(shell.run("true", T).succeeded()).isTrue();
            assertThat(trust.fingerprint("cp-1")).hasValue(first);
            assertThat(first).startsWith("SHA256:");
        }
    }
}
