package dev.k3slab.machine.vagrant;

import dev.k3slab.machine.MachineException;
import dev.k3slab.machine.MachineState;
import dev.k3slab.machine.SshEndpoint;
import dev.k3slab.topology.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VagrantProviderTest {

    @TempDir
    Path tmp;

    final Topology lab = LabFixtures.defaultLab();
    FakeVagrant fake;
    VagrantProvider provider;

    @BeforeEach
    void setUp() {
        fake = new FakeVagrant(tmp, lab);
        provider = fake.provider(lab);
    }

    @Test
    void upValidatesThenBringsEachMachineUpAloneInTopologyOrder() {
        provider.up();

        assertThat(fake.calls()).filteredOn(c -> !c.startsWith("status")).containsExactly(
                "validate",
                "up --no-parallel --provider virtualbox cp-1",
                "up --no-parallel --provider virtualbox cp-2",
                "up --no-parallel --provider virtualbox cp-3",
                "up --no-parallel --provider virtualbox w-1",
                "up --no-parallel --provider virtualbox w-2");
        assertThat(lab.names()).allSatisfy(n -> assertThat(provider.state(n)).isEqualTo(MachineState.RUNNING));
    }

    @Test
    void everyCommandRunsWithoutColourWithoutVersionCheckAndWithVirtualBoxAsDefaultProvider() {
        provider.state("cp-1");
        assertThat(fake.rawCalls()).containsExactly("status cp-1|NO_COLOR=1|CHECKPOINT=1|PROVIDER=virtualbox");
    }

    @Test
    void vagrantOutputIsStreamedToTheRunLogPrefixedWithTheMachine() {
        provider.up();
        assertThat(fake.logged)
                .contains("[cp-2] ==> cp-2: Fixed port collision for 22 => 2222. Now on port 2200.")
                .contains("[cp-3] ==> cp-3: Machine booted and ready!")
                .contains("[w-1] Bringing machine 'w-1' up with 'virtualbox' provider...");
    }

    @Test
    void theSshEndpointComesFromSshConfig() {
        provider.up();
        SshEndpoint cp2 = provider.sshEndpoint("cp-2");
        assertThat(cp2).isEqualTo(new SshEndpoint("cp-2", "127.0.0.1", 2200, "vagrant",
                fake.dir.toAbsolutePath().resolve(".vagrant/machines/cp-2/virtualbox/private_key")));
        assertThat(provider.sshEndpoint("cp-1").port()).isEqualTo(2222);
    }

    @Test
    void sshConfigOfAMachineThatIsNotRunningFailsWithTheFix() {
        assertThatThrownBy(() -> provider.sshEndpoint("cp-1"))
                .isInstanceOf(MachineException.class)
                .hasMessageContaining("vagrant ssh-config --machine-readable cp-1")
                .hasMessageContaining("exit status 1")
                .hasMessageContaining("Vagrant::Errors::SSHNotReady")
                .hasMessageContaining("Likely fix: the machine is not running");
    }

    @Test
    void rebootReloadsOneMachineWithoutProvisioningAndWaitsForRunning() {
        fake.set("state/cp-3", "running");
        provider.reboot("cp-3", Duration.ofSeconds(20));
        assertThat(fake.calls()).contains("reload --no-provision cp-3");
        assertThat(fake.logged).contains("[cp-3] ==> cp-3: Attempting graceful shutdown of VM...");
        assertThat(provider.state("cp-3")).isEqualTo(MachineState.RUNNING);
    }

    @Test
    void haltStopsAndDestroyRemovesEveryMachineAndDestroyCanBeRepeated() {
        provider.up();
        provider.halt();
        assertThat(provider.state("w-2")).isEqualTo(MachineState.POWEROFF);
        provider.destroy();
        provider.destroy();
        assertThat(lab.names()).allSatisfy(n -> assertThat(fake.stateOf(n)).isEqualTo("not_created"));
        assertThat(fake.calls()).contains("halt", "destroy -f");
    }

    @Test
    void aCheckpointIsSavedOnEveryMachineListedInSaveOrderAndRestored() {
        provider.up();
        provider.saveCheckpoint("exp-4a");
        provider.saveCheckpoint("exp-2");
        assertThat(provider.checkpoints()).containsExactly("exp-4a", "exp-2");
        provider.saveCheckpoint("exp-4a");
        assertThat(provider.checkpoints()).containsExactly("exp-2", "exp-4a");

        fake.set("state/cp-3", "poweroff");
        provider.restoreCheckpoint("exp-4a");
        assertThat(fake.calls()).contains("snapshot save --force cp-1 exp-4a", "snapshot restore --no-provision w-2 exp-4a");
        assertThat(provider.state("cp-3")).isEqualTo(MachineState.RUNNING);
    }

    @Test
    void restoringACheckpointSomeMachinesLackRestoresNothingAndNamesThem() {
        provider.up();
        provider.saveCheckpoint("exp-4a");
        fake.set("state/w-2", "not_created");
        assertThatThrownBy(() -> provider.restoreCheckpoint("exp-4a"))
                .isInstanceOf(MachineException.class)
                .hasMessageContaining("machines [w-2] have no snapshot of that name")
                .hasMessageContaining("nothing was restored");
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("snapshot restore"));
    }

    @Test
    void aBootTimeoutNamesCommandExitStatusLastLinesAndFix() {
        fake.behave("up", "cp-2", "boot-timeout");
        assertThatThrownBy(() -> provider.up())
                .isInstanceOf(MachineException.class)
                .hasMessageContaining("vagrant up --no-parallel --provider virtualbox --machine-readable cp-2")
                .hasMessageContaining("for machine cp-2")
                .hasMessageContaining("exit status 1, Vagrant::Errors::VMBootTimeout")
                .hasMessageContaining("  | the timeout (\"config.vm.boot_timeout\") value.")
                .hasMessageContaining("Likely fix: the VM never answered SSH");
        assertThat(fake.calls()).noneMatch(c -> c.contains("cp-3"));
    }

    @Test
    void missingVirtualBoxStopsAtValidationWithTheFix() {
        fake.behave("validate", null, "virtualbox-missing");
        assertThatThrownBy(() -> provider.up())
                .isInstanceOf(MachineException.class)
                .hasMessageContaining("vagrant validate --machine-readable")
                .hasMessageContaining("Vagrant::Errors::ProviderNotUsable")
                .hasMessageContaining("Likely fix: VirtualBox is missing");
        assertThat(fake.calls()).noneMatch(c -> c.startsWith("up"));
    }

    @Test
    void anInvalidVagrantfileStopsBeforeAnyMachine() {
        fake.behave("validate", null, "config-invalid");
        assertThatThrownBy(() -> provider.up())
                .hasMessageContaining("Vagrant::Errors::ConfigInvalid")
                .hasMessageContaining("  | * The following settings shouldn't exist: boxx")
                .hasMessageContaining("generate it again from topology.yaml");
    }

    @Test
    void aLockedMachineIsReportedWithTheFix() {
        fake.set("state/cp-1", "running");
        fake.behave("reload", "cp-1", "locked");
        assertThatThrownBy(() -> provider.reboot("cp-1", Duration.ofSeconds(20)))
                .hasMessageContaining("Vagrant::Errors::MachineActionLockedError")
                .hasMessageContaining("An action 'reload' was attempted on the machine 'cp-1',")
                .hasMessageContaining("Likely fix: the machine is locked by another Vagrant process");
    }

    @Test
    void aRefusedHostOnlyRangeAndAnUndownloadableBoxAreNamed() {
        fake.behave("up", "cp-1", "hostonly");
        assertThatThrownBy(() -> provider.up())
                .hasMessageContaining("VirtualBoxInvalidHostSubnet").hasMessageContaining("/etc/vbox/networks.conf");
        fake.behave("up", "cp-1", "box-missing");
        assertThatThrownBy(() -> provider.up())
                .hasMessageContaining("BoxAddShortNotFound").hasMessageContaining("vagrant box add");
    }

    @Test
    void aMachineStuckOutsideRunningAfterUpFailsNamingItsState() {
        fake.behave("up", "cp-1", "stuck:poweroff");
        assertThatThrownBy(() -> provider.up())
                .isInstanceOf(MachineException.class)
                .hasMessageContaining("for machine cp-1: the machine is 'poweroff', not 'running'")
                .hasMessageContaining("exit status 0");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsEndedWithItsWholeProcessTree() throws Exception {
        fake.behave("up", "cp-1", "hang");
        VagrantProvider quick = new VagrantProvider(lab, fake.dir, fake.binary, fake.log(),
                VagrantTimeouts.all(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofMillis(100)));
        assertThatThrownBy(quick::up)
                .isInstanceOf(MachineException.class)
                .hasMessageContaining("ended after its timeout")
                .hasMessageContaining("process tree killed")
                .hasMessageContaining("Likely fix: vagrant did not finish within");
        long child = Long.parseLong(java.nio.file.Files.readString(fake.state.resolve("child.pid")).strip());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aMissingVagrantProgramIsReportedWithWhereToPointIt() {
        VagrantProvider none = new VagrantProvider(lab, fake.dir, tmp.resolve("no/such/vagrant"), fake.log(),
                VagrantTimeouts.all(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofMillis(100)));
        assertThatThrownBy(() -> none.state("cp-1"))
                .hasMessageContaining("did not start")
                .hasMessageContaining("LAB_VAGRANT_BIN");
    }

    @Test
    void aRelativeVagrantPathIsTakenFromTheHarnessesWorkingDirectoryNotFromTheVagrantFolder() throws IOException {
        Path binDir = Path.of("target", "relative-vagrant-" + UUID.randomUUID());
        try {
            Path relative = FakeVagrant.install(binDir);
            VagrantProvider fromHere = new VagrantProvider(lab, fake.dir, relative, fake.log(),
                    VagrantTimeouts.all(Duration.ofSeconds(20), Duration.ofMillis(600), Duration.ofMillis(100)));

            assertThat(relative.isAbsolute()).isFalse();
            assertThat(fromHere.state("cp-1")).isEqualTo(MachineState.NOT_CREATED);
        } finally {
            Files.deleteIfExists(binDir.resolve("vagrant"));
            Files.deleteIfExists(binDir);
        }
    }
}
