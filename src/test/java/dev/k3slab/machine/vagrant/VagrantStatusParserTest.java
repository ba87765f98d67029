package dev.k3slab.machine.vagrant;

import dev.k3slab.machine.MachineState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VagrantStatusParserTest {

    @Test
    void readsEveryMachineWithProviderAndStateInOrder() {
        var machines = VagrantStatusParser.parse(LabFixtures.recorded("status-two-poweroff.reference.txt"));
        assertThat(machines).containsExactly(
                new VagrantMachineStatus("one", "virtualbox", "poweroff"),
                new VagrantMachineStatus("two", "virtualbox", "poweroff"));
        assertThat(machines.get(0).machineState()).isEqualTo(MachineState.POWEROFF);
    }

    @Test
    void readsTheOutputOfRealVagrant234() {
        var machines = VagrantStatusParser.parse(LabFixtures.recorded("status-not-created-libvirt.vagrant-2.3.4.txt"));
        assertThat(machines).extracting(VagrantMachineStatus::machine).containsExactly("cp-1", "w-1");
        assertThat(machines).allSatisfy(m -> {
            assertThat(m.provider()).isEqualTo("libvirt");
            assertThat(m.machineState()).isEqualTo(MachineState.NOT_CREATED);
        });
    }

    @Test
    void anErrorExitIsReportedWithItsClassInsteadOfAnEmptyList() {
        String text = LabFixtures.recorded("status-virtualbox-not-usable.vagrant-2.3.4.txt");
        assertThatThrownBy(() -> VagrantStatusParser.parse(text))
                .isInstanceOf(VagrantErrorException.class)
                .hasMessageContaining("Vagrant::Errors::ProviderNotUsable")
                .hasMessageContaining("Vagrant could not detect VirtualBox!");
        assertThat(VagrantStatusParser.errorExit(text)).get()
                .extracting(MachineReadable.ErrorExit::shortClass).isEqualTo("ProviderNotUsable");
    }

    @Test
    void aStateIdTheLabDoesNotListIsKeptRawAndMapsToOther() {
        var machines = VagrantStatusParser.parse("1,cp-1,provider-name,virtualbox\n1,cp-1,state,stuck\n");
        assertThat(machines.get(0).state()).isEqualTo("stuck");
        assertThat(machines.get(0).machineState()).isEqualTo(MachineState.OTHER);
    }

    @Test
    void aMachineWithoutStateRecordIsRejectedQuotingItsFirstLine() {
        assertThatThrownBy(() -> VagrantStatusParser.parse("1,cp-1,metadata,provider,virtualbox\n1,cp-2,metadata,provider,virtualbox\n1,cp-1,state,running\n"))
                .isInstanceOf(VagrantFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("machine 'cp-2' has no state record")
                .hasMessageContaining("\"1,cp-2,metadata,provider,virtualbox\"");
    }

    @Test
    void aLineThatIsNotARecordIsRejectedWithItsNumber() {
        assertThatThrownBy(() -> VagrantStatusParser.parse("1,cp-1,state,running\nCurrent machine states:\n"))
                .isInstanceOf(VagrantFormatException.class)
                .hasMessageContaining("line 2");
    }
}
