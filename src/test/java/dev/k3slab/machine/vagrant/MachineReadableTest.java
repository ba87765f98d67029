package dev.k3slab.machine.vagrant;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineReadableTest {

    @Test
    void aRecordKeepsTargetTypeAndUnescapedData() {
        var r = MachineReadable.parseLine(
                "1558217949,one,state-human-long,The VM is powered off. To restart the VM%!(VAGRANT_COMMA) simply run `vagrant up`", 4)
                .orElseThrow();
        assertThat(r.timestamp()).isEqualTo(1558217949L);
        assertThat(r.target()).isEqualTo("one");
        assertThat(r.type()).isEqualTo("state-human-long");
        assertThat(r.data()).containsExactly("The VM is powered off. To restart the VM, simply run `vagrant up`");
        assertThat(r.lineNumber()).isEqualTo(4);
    }

    @Test
    void escapedNewlinesBecomeLineBreaksAndCommasSeparateFields() {
        var r = MachineReadable.parseLine("1,,ui,info,a\\nb%!(VAGRANT_COMMA) c", 1).orElseThrow();
        assertThat(r.target()).isEmpty();
        assertThat(r.data()).containsExactly("info", "a\nb, c");
    }

    @Test
    void plainTextIsNotARecord() {
        assertThat(MachineReadable.parseLine("Host default", 1)).isEmpty();
        assertThat(MachineReadable.parseLine("  HostName 127.0.0.1", 2)).isEmpty();
    }

    @Test
    void strictParsingQuotesTheFirstLineThatIsNotARecord() {
        assertThatThrownBy(() -> MachineReadable.parse("1,,ui,info,ok\nVagrant failed to initialize at a very early stage:\n"))
                .isInstanceOf(VagrantFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("\"Vagrant failed to initialize at a very early stage:\"")
                .satisfies(e -> assertThat(((VagrantFormatException) e).lineNumber()).isEqualTo(2));
    }

    @Test
    void theErrorExitRecordGivesClassAndMessage() {
        List<MachineReadable.Record> records = MachineReadable.parse(LabFixtures.recorded("status-unknown-machine.vagrant-2.3.4.txt"));
        var e = MachineReadable.errorExit(records).orElseThrow();
        assertThat(e.errorClass()).isEqualTo("Vagrant::Errors::MachineNotFound");
        assertThat(e.shortClass()).isEqualTo("MachineNotFound");
        assertThat(e.message()).isEqualTo("The machine with the name 'nope' was not found configured for\nthis Vagrant environment.");
        assertThat(e.lineNumber()).isEqualTo(2);
    }
}
