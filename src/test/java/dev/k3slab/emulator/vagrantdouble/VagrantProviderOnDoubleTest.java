package dev.k3slab.emulator.vagrantdouble;

import dev.k3slab.machine.MachineException;
import dev.k3slab.machine.MachineState;
import dev.k3slab.machine.vagrant.SnapshotListParser;
import dev.k3slab.machine.vagrant.VagrantProvider;
import dev.k3slab.shell.CommandListener;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.ssh.HostKeyTrust;
import dev.k3slab.shell.ssh.SshNodeShell;
import dev.k3slab.shell.ssh.SshSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real Vagrant provider, through real {@code vagrant} processes, on machines the double
 * emulates, reached with the harness's SSH shell: every call, parse, reconnect and checkpoint of
 * a run on VirtualBox, without VirtualBox.
 */
class VagrantProviderOnDoubleTest {
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path tmp;
    VagrantDouble vagrant;
    VagrantProvider provider;
    final List<SshNodeShell> shells = new ArrayList<>();

    @BeforeEach
    void start() {
        // A space in the folder: ssh-config must quote the key path and the provider must read it back.
        vagrant = VagrantDouble.start(tmp, "lab with space");
        provider = vagrant.provider();
    }

    @AfterEach
    void stop() {
        shells.forEach(SshNodeShell::close);
        provider.close();
        vagrant.close();
        assertThat(Leftovers.processes()).isEmpty();
        assertThat(Leftovers.threads()).isEmpty();
    }

    private SshNodeShell shell(String node) {
        SshNodeShell s = new SshNodeShell(node, () -> provider.sshEndpoint(node), SshSettings.defaults().withConnectWindow(T),
                new HostKeyTrust(), new SecretMasker(), CommandListener.NONE);
        shells.add(s);
        return s;
    }

    private static String run(SshNodeShell shell, String command) {
        CommandResult r = shell.run(command, T);
        assertThat(r.exitStatus()).as(command + "\n" + r.stderr()).hasValue(0);
        return r.stdout();
    }

    @Test
    void upBringsEachMachineUpInTopologyOrderAndEachAnswersOverSshAsItself() {
        provider.up();

        assertThat(vagrant.topology.names()).allSatisfy(n -> {
            assertThat(provider.state(n)).isEqualTo(MachineState.RUNNING);
            assertThat(run(shell(n), "hostname")).isEqualTo(n + "\n");
        });
        assertThat(vagrant.logged).contains("[cp-2] ==> cp-2: Machine booted and ready!",
                "[w-2] Bringing machine 'w-2' up with 'virtualbox' provider...");
        assertThat(vagrant.logged.indexOf("[cp-1] ==> cp-1: Machine booted and ready!"))
                .isLessThan(vagrant.logged.indexOf("[w-2] Bringing machine 'w-2' up with 'virtualbox' provider..."));
        assertThat(provider.sshEndpoint("cp-1").identityFile())
                .isEqualTo(vagrant.vagrantDir.resolve(".vagrant/machines/cp-1/virtualbox/private_key"));
    }

    @Test
    void theDescriptionNamesTheDoubleSoThatAReportCannotPassItOffAsVirtualBox() {
        assertThat(provider.description()).startsWith(
                "VMs through the vagrant CLI: Vagrant 2.3.4 (k3s-lab test double over the emulated lab; no VirtualBox) (");
    }

    @Test
    void aReloadEndsTheNodesProcessesAndStartsItsEnabledUnitAgain() {
        provider.up();
        SshNodeShell cp1 = shell("cp-1");
        run(cp1, "INSTALL_K3S_VERSION=\"v1.27.9+k3s1\" INSTALL_K3S_EXEC=\"server --node-ip 192.168.56.11"
                + " --advertise-address 192.168.56.11 --tls-san 192.168.56.11\" /usr/local/bin/k3s-install.sh");
        String before = run(cp1, "pgrep -a k3s");
        Instant clock = vagrant.server.now();
        int port = provider.sshEndpoint("cp-1").port();

        provider.reboot("cp-1", T);
        cp1.reconnect(T);

        String after = run(cp1, "pgrep -a k3s");
        assertThat(after).as("a new k3s server process, from the enabled unit").contains("k3s server").isNotEqualTo(before);
        assertThat(run(cp1, "systemctl is-active k3s")).isEqualTo("active\n");
        assertThat(run(cp1, "systemctl cat k3s")).contains("'--node-ip' \\\n\t'192.168.56.11' \\\n");
        assertThat(provider.sshEndpoint("cp-1").port()).isEqualTo(port);
        assertThat(Duration.between(clock, vagrant.server.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(vagrant.logged).contains("[cp-1] ==> cp-1: Attempting graceful shutdown of VM...",
                "[cp-1] ==> cp-1: Machine not provisioned because `--no-provision` is specified.");
    }

    @Test
    void aCheckpointOfEveryMachineIsRestoredWithTheirDisks() {
        provider.up();
        SshNodeShell cp3 = shell("cp-3");
        run(cp3, "echo before > /root/marker");
        provider.saveCheckpoint("after-2");
        run(cp3, "echo after > /root/marker");

        provider.restoreCheckpoint("after-2");
        cp3.reconnect(T);

        assertThat(run(cp3, "cat /root/marker")).isEqualTo("before\n");
        assertThat(provider.checkpoints()).containsExactly("after-2");
        assertThat(SnapshotListParser.parse(vagrant.vagrant("snapshot", "list", "--machine-readable", "w-2").stdoutText(), "w-2"))
                .containsExactly("after-2");
        assertThatThrownBy(() -> provider.restoreCheckpoint("after-4a")).isInstanceOf(MachineException.class)
                .hasMessageContaining("checkpoint 'after-4a' cannot be restored").hasMessageContaining("nothing was restored");
    }

    @Test
    void haltKeepsTheDisksAndAMachineThatIsOffHasNoSshEndpointWithTheLikelyFix() {
        provider.up();
        run(shell("w-1"), "echo kept > /root/marker");

        provider.halt();

        assertThat(vagrant.topology.names()).allSatisfy(n -> assertThat(provider.state(n)).isEqualTo(MachineState.POWEROFF));
        assertThatThrownBy(() -> provider.sshEndpoint("w-1")).isInstanceOf(MachineException.class)
                .hasMessageContaining("vagrant ssh-config --machine-readable w-1").hasMessageContaining("exit status 1")
                .hasMessageContaining("Vagrant::Errors::SSHNotReady")
                .hasMessageContaining("Likely fix: the machine is not running");
        provider.up();
        assertThat(run(shell("w-1"), "cat /root/marker")).isEqualTo("kept\n");
    }

    @Test
    void destroyRemovesEveryMachineWithItsVagrantDataAndMayBeRepeated() {
        provider.up();

        provider.destroy();
        provider.destroy();

        assertThat(vagrant.topology.names()).allSatisfy(n -> assertThat(provider.state(n)).isEqualTo(MachineState.NOT_CREATED));
        assertThat(vagrant.vagrantDir.resolve(".vagrant/machines")).doesNotExist();
        assertThat(provider.checkpoints()).isEmpty();
    }
}
