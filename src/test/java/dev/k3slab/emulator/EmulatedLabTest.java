package dev.k3slab.emulator;

import dev.k3slab.emulator.ssh.Threads;
import dev.k3slab.machine.MachineException;
import dev.k3slab.machine.MachineState;
import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Role;
import dev.k3slab.topology.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EmulatedLabTest {
    static final Topology TWO_NODES = new Topology("bento/ubuntu-22.04", "192.168.56", "v1.27.9+k3s1", "v3.5.11",
            "k3s-splitbrain-", List.of(new LabNode("cp-1", "192.168.56.11", Role.SERVER, 2, 2048),
            new LabNode("w-1", "192.168.56.21", Role.AGENT, 2, 2048)));

    @TempDir
    Path run;
    FakeLabModel model;
    EmulatedLab lab;

    @BeforeEach
    void create() {
        lab = new EmulatedLab(TWO_NODES, run, (t, c, d) -> model = new FakeLabModel(t, c, d));
    }

    @AfterEach
    void close() {
        lab.close();
        Threads.awaitEmulatedSshEnded();
    }

    private SshExec.Result ssh(String node, String command) throws IOException {
        return SshExec.asRoot(lab.sshEndpoint(node), command);
    }

    private static int size(String program) {
        return ProgramFiles.content(program).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void upLaysOutEachDiskAsTheVagrantfileLeavesItAndBootsEveryMachine() throws IOException {
        assertThat(lab.description()).isEqualTo(
                "emulated lab: in-process model of K3s v1.27.9+k3s1 behind MINA SSH on loopback (not real VMs)");
        assertThat(lab.state("cp-1")).isEqualTo(MachineState.NOT_CREATED);
        lab.up();
        assertThat(lab.state("cp-1")).isEqualTo(MachineState.RUNNING);
        assertThat(lab.state("w-1")).isEqualTo(MachineState.RUNNING);
        assertThat(model.events).containsExactly("booted cp-1", "booted w-1");
        assertThat(run.resolve("nodes/cp-1/etc/hostname")).hasContent("cp-1");
        SshExec.Result hosts = ssh("w-1", "grep -A 2 '^# ---- k3s split-brain lab ----$' /etc/hosts; hostname");
        assertThat(hosts.out()).isEqualTo("# ---- k3s split-brain lab ----\n192.168.56.11 cp-1\n192.168.56.21 w-1\nw-1\n");
        SshExec.Result bins = ssh("cp-1", "ls -l /usr/local/bin /usr/bin");
        assertThat(bins.out()).isEqualTo(String.format("""
                /usr/bin:
                total 8
                -rwxr-xr-x 1 root root %d Feb 22 04:40 journalctl
                -rwxr-xr-x 1 root root %d Feb 22 04:40 systemctl

                /usr/local/bin:
                total 8
                -rwxr-xr-x 1 root root %d Feb 22 04:40 etcdctl
                -rwxr-xr-x 1 root root %d Feb 22 04:40 k3s-install.sh
                """, size("journalctl"), size("systemctl"), size("etcdctl"), size("k3s-install.sh")));
        SshEndpoint e = lab.sshEndpoint("cp-1");
        assertThat(e.host()).isEqualTo("127.0.0.1");
        assertThat(e.user()).isEqualTo("vagrant");
        assertThat(e.identityFile()).isEqualTo(run.resolve("ssh/id_rsa").toAbsolutePath());
        assertThat(Files.readString(run.resolve("ssh/config"))).contains("Host cp-1\n  HostName 127.0.0.1\n");
    }

    @Test
    void theInstallScriptFromGetK3sIoRunsOverSsh() throws IOException {
        lab.up();
        SshExec.Result install = ssh("cp-1", "curl -sfL https://get.k3s.io | INSTALL_K3S_VERSION=v1.27.9+k3s1 sh -");
        assertThat(install.out()).isEqualTo("[INFO]  systemd: Starting k3s\n");
        assertThat(ssh("cp-1", "kubectl get nodes").out()).isEqualTo("NAME   STATUS\ncp-1   Ready\n");
    }

    @Test
    void rebootDropsTheRunningCommandWithoutExitStatusAndBringsTheMachineBackOnTheSamePort() throws Exception {
        lab.up();
        ssh("cp-1", "/usr/local/bin/k3s-install.sh");
        ProgramFiles.write(run.resolve("nodes/cp-1/usr/local/bin/hang"), "hang");
        int port = lab.sshEndpoint("cp-1").port();
        var before = lab.now();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            Future<SshExec.Result> hung = client.submit(() -> {
                try {
                    return ssh("cp-1", "echo started; hang; echo never");
                } catch (IOException e) {
                    // the connection broke under the command: no exit status, as from a rebooted VM
                    return new SshExec.Result(null, "", e.toString());
                }
            });
            assertThat(model.hanging.await(10, TimeUnit.SECONDS)).isTrue();
            lab.reboot("cp-1", Duration.ofSeconds(30));
            SshExec.Result r = hung.get(20, TimeUnit.SECONDS);
            assertThat(r.status()).as("exit status of the command the reboot cut").isNull();
            assertThat(r.out()).doesNotContain("never");
        } finally {
            client.shutdownNow();
        }
        assertThat(model.events).containsSubsequence("shutDown cp-1", "booted cp-1");
        assertThat(lab.now()).isEqualTo(before.plus(EmulatedLab.REBOOT_DOWNTIME));
        assertThat(lab.sshEndpoint("cp-1").port()).isEqualTo(port);
        assertThat(ssh("cp-1", "pgrep -a k3s").out()).isEqualTo("20002 /usr/local/bin/k3s server\n");
    }

    @Test
    void haltStopsTheMachinesAndUpStartsThemAgainDestroyRemovesTheDisks() throws IOException {
        lab.up();
        lab.halt();
        assertThat(lab.state("cp-1")).isEqualTo(MachineState.POWEROFF);
        assertThatThrownBy(() -> lab.sshEndpoint("cp-1")).isInstanceOf(MachineException.class)
                .hasMessageContaining("cp-1: the emulated machine is poweroff");
        lab.up();
        assertThat(ssh("cp-1", "echo up").out()).isEqualTo("up\n");
        lab.destroy();
        assertThat(lab.state("w-1")).isEqualTo(MachineState.NOT_CREATED);
        assertThat(run.resolve("nodes")).doesNotExist();
        assertThatThrownBy(() -> lab.state("cp-9")).isInstanceOf(MachineException.class)
                .hasMessageContaining("[cp-1, w-1]");
    }

    @Test
    void aCheckpointRestoresDisksModelStateAndClock() throws IOException {
        lab.up();
        ssh("cp-1", "/usr/local/bin/k3s-install.sh && echo one > /root/note");
        lab.advance(Duration.ofMinutes(5));
        var saved = lab.now();
        lab.saveCheckpoint("after-1");
        ssh("cp-1", "echo two > /root/note; rm -f /usr/local/bin/kubectl");
        model.enabled.clear();
        lab.advance(Duration.ofHours(1));
        lab.saveCheckpoint("later");

        lab.restoreCheckpoint("after-1");
        assertThat(lab.now()).isEqualTo(saved);
        assertThat(ssh("cp-1", "cat /root/note; ls -l /root/note").out())
                .isEqualTo("one\n-rw-r--r-- 1 root root 4 Feb 22 04:40 /root/note\n");
        assertThat(ssh("cp-1", "readlink /usr/local/bin/kubectl").out()).isEqualTo("k3s\n");
        assertThat(model.enabled).containsExactly("cp-1");
        assertThat(lab.checkpoints()).containsExactly("after-1", "later");
        assertThatThrownBy(() -> lab.restoreCheckpoint("nope")).isInstanceOf(MachineException.class)
                .hasMessageContaining("no checkpoint 'nope'").hasMessageContaining("[after-1, later]");
    }

    @Test
    void aNewLabRestoresACheckpointOfAnEarlierOne() throws IOException {
        lab.up();
        ssh("w-1", "echo kept > /root/f");
        lab.saveCheckpoint("base");
        lab.close();
        lab = new EmulatedLab(TWO_NODES, run, (t, c, d) -> model = new FakeLabModel(t, c, d));
        assertThat(lab.state("w-1")).isEqualTo(MachineState.NOT_CREATED);
        lab.restoreCheckpoint("base");
        assertThat(lab.state("w-1")).isEqualTo(MachineState.RUNNING);
        assertThat(ssh("w-1", "cat /root/f").out()).isEqualTo("kept\n");
    }

    @Test
    void advancingTheClockStampsFilesTheModelWritesWithLabTime() throws IOException {
        lab.up();
        lab.advance(Duration.ofHours(2));
        Files.writeString(run.resolve("nodes/cp-1/root/written-by-model"), "x");
        lab.advance(Duration.ofMinutes(4));
        assertThat(ssh("cp-1", "ls -l /root/written-by-model; date").out()).isEqualTo(
                "-rw-r--r-- 1 root root 1 Feb 22 06:44 /root/written-by-model\nSun Feb 22 06:44:00 AM UTC 2026\n");
    }

    @Test
    void sleepOnANodeMovesTheLabClock() throws IOException {
        lab.up();
        var before = lab.now();
        ssh("cp-1", "sleep 90");
        assertThat(lab.now()).isEqualTo(before.plusSeconds(90));
    }

    @Test
    void aClosedLabRefusesToActAndLeavesNoThreads() {
        lab.up();
        lab.close();
        assertThatThrownBy(() -> lab.up()).isInstanceOf(MachineException.class).hasMessageContaining("was closed");
    }
}
