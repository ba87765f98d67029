package dev.k3slab.emulator;

import dev.k3slab.emulator.ssh.Threads;
import dev.k3slab.shell.CommandListener;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.ssh.HostKeyTrust;
import dev.k3slab.shell.ssh.SshSettings;
import dev.k3slab.shell.ssh.SshShellPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The harness's own SSH shell (sshj, its exact wrappers) against the emulated lab. */
class EmulatedLabThroughSshNodeShellTest {
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path run;
    FakeLabModel model;
    EmulatedLab lab;
    HostKeyTrust trust;
    SshShellPool shells;

    @BeforeEach
    void up() {
        lab = new EmulatedLab(EmulatedLabTest.TWO_NODES, run, (t, c, d) -> model = new FakeLabModel(t, c, d));
        lab.up();
        trust = new HostKeyTrust();
        shells = new SshShellPool(lab::sshEndpoint, SshSettings.defaults().withConnectWindow(T), trust,
                new SecretMasker(), CommandListener.NONE);
    }

    @AfterEach
    void down() {
        shells.close();
        lab.close();
        Threads.awaitEmulatedSshEnded();
    }

    @Test
    void runWrapsTheCommandAsRootAndGetsItsOutputAndStatus() {
        CommandResult r = shells.shell("cp-1").run("echo \"it's $(whoami) on $(hostname)\"; ls /nope", T);
        assertThat(r.stdout()).isEqualTo("it's root on cp-1\n");
        assertThat(r.stderr()).isEqualTo("ls: cannot access '/nope': No such file or directory\n");
        assertThat(r.exitStatus()).hasValue(2);
    }

    @Test
    void startBackgroundGivesThePidTheModelsProgramRegistered() throws Exception {
        NodeShell cp1 = shells.shell("cp-1");
        assertThat(cp1.run("/usr/local/bin/k3s-install.sh", T).succeeded()).isTrue();
        NodeShell.BackgroundProcess p = cp1.startBackground("k3s server --node-ip 192.168.56.11", "/tmp/k3s.log", T);
        assertThat(model.processes.processes("cp-1")).extracting(ProcessTable.EmulatedProcess::pid).contains(p.pid());
        assertThat(cp1.run("pgrep -a -f 'node-ip'", T).stdout())
                .isEqualTo(p.pid() + " /usr/local/bin/k3s server --node-ip 192.168.56.11\n");
        assertThat(run.resolve("nodes/cp-1/tmp/k3s.log")).exists();
    }

    @Test
    void aRebootUnderACommandGivesNoExitStatusAndTheShellReconnectsToTheSameHostKey() throws Exception {
        ProgramFiles.write(run.resolve("nodes/w-1/usr/local/bin/hang"), "hang");
        NodeShell w1 = shells.shell("w-1");
        assertThat(w1.run("true", T).succeeded()).isTrue();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<CommandResult> hung = client.submit(() -> w1.run("hang", T));
            assertThat(model.hanging.await(10, TimeUnit.SECONDS)).isTrue();
            lab.reboot("w-1", T);
            CommandResult r = hung.get(30, TimeUnit.SECONDS);
            assertThat(r.statusUnknown()).as(r.stderr()).isTrue();
            assertThat(r.failed()).isFalse();
        } finally {
            client.shutdownNow();
        }
        w1.reconnect(T);
        assertThat(w1.run("hostname", T).stdout()).isEqualTo("w-1\n");
        assertThat(trust.mismatch("w-1")).isEmpty();
    }

    @Test
    void uploadPutsTheFileOnTheNodeThroughTmpAndSudoMvKeepingItsMode() throws Exception {
        Path local = Files.writeString(run.resolve("tool.sh"), "#!/bin/sh\necho tool\n");
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rwxr-x---"));
        String name = "k3s-lab-upload-test-" + UUID.randomUUID();
        NodeShell cp1 = shells.shell("cp-1");
        cp1.upload(local, "/" + name + "/bin/tool.sh");

        assertThat(cp1.run("cat /" + name + "/bin/tool.sh; stat -c '%a %U' /" + name + "/bin/tool.sh", T).stdout())
                .isEqualTo("#!/bin/sh\necho tool\n750 root\n");
        assertThat(cp1.run("ls /tmp", T).stdout()).as("nothing left in /tmp").doesNotContain("k3s-lab-upload-");
        assertThat(run.resolve("nodes/cp-1/" + name + "/bin/tool.sh")).hasContent("#!/bin/sh\necho tool\n");
        assertThat(Path.of("/" + name)).as("the host's / is never written").doesNotExist();
    }
}
