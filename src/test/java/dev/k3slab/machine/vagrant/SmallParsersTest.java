package dev.k3slab.machine.vagrant;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallParsersTest {

    @Test
    void snapshotNamesAreTheDetailLinesAfterTheEmptyPrefixedOutputLine() {
        String text = "1,cp-1,ui,output,==> cp-1: \n1,cp-1,ui,detail,exp-4a\n1,cp-1,ui,detail,exp-2\n";
        assertThat(SnapshotListParser.parse(text, "cp-1")).containsExactly("exp-4a", "exp-2");
    }

    @Test
    void noSnapshotsAndNoMachineGiveEmptyLists() {
        String none = "1,cp-1,ui,info,==> cp-1: No snapshots have been taken yet!\n"
                + "1,cp-1,ui,detail,    cp-1: You can take a snapshot using `vagrant snapshot save`. Note that\\n    cp-1: not all providers support this yet.\n";
        assertThat(SnapshotListParser.parse(none, "cp-1")).isEmpty();
        assertThat(SnapshotListParser.parse("1,cp-1,ui,info,==> cp-1: VM not created. Moving on...\n", "cp-1")).isEmpty();
    }

    @Test
    void aSnapshotListErrorIsRaised() {
        assertThatThrownBy(() -> SnapshotListParser.parse(LabFixtures.recorded("status-unknown-machine.vagrant-2.3.4.txt"), "nope"))
                .isInstanceOf(VagrantErrorException.class).hasMessageContaining("MachineNotFound");
    }

    @Test
    void boxListGivesNameProviderAndVersion() {
        String text = "1,,ui,info,bento/ubuntu-22.04 (virtualbox%!(VAGRANT_COMMA) 202401.31.0)\n"
                + "1,,box-name,bento/ubuntu-22.04\n1,,box-provider,virtualbox\n1,,box-version,202401.31.0\n"
                + "1,,box-name,generic/alpine\n1,,box-provider,libvirt\n1,,box-version,4.3.12\n";
        assertThat(BoxListParser.parse(text)).containsExactly(
                new BoxListParser.Box("bento/ubuntu-22.04", "virtualbox", "202401.31.0"),
                new BoxListParser.Box("generic/alpine", "libvirt", "4.3.12"));
        assertThat(BoxListParser.parse(LabFixtures.recorded("box-list-empty.vagrant-2.3.4.txt"))).isEmpty();
    }

    @Test
    void theInstalledVersionIsItsOwnRecordAndTheOfflineNoticeIsAUiLine() {
        var records = MachineReadable.parse(LabFixtures.recorded("version.vagrant-2.3.4.txt"));
        assertThat(records).filteredOn(r -> r.type().equals("version-installed"))
                .singleElement().satisfies(r -> assertThat(r.field(0)).isEqualTo("2.3.4"));
        assertThat(records).noneMatch(r -> r.type().equals("version-latest"));
        assertThat(records.get(2).field(1)).startsWith("\nVagrant was unable to check for the latest version of Vagrant.\n");
    }

    @Test
    void withoutNetworksConfOnlyTheDefaultRangeIsAllowed() {
        List<String> ranges = HostOnlyRanges.allowed(Optional.empty());
        assertThat(HostOnlyRanges.contains(ranges, "192.168.56.11")).isTrue();
        assertThat(HostOnlyRanges.contains(ranges, "192.168.63.254")).isTrue();
        assertThat(HostOnlyRanges.contains(ranges, "192.168.64.1")).isFalse();
        assertThat(HostOnlyRanges.contains(ranges, "10.8.8.50")).isFalse();
    }

    @Test
    void networksConfReplacesTheDefaultWithItsStarLines() {
        List<String> ranges = HostOnlyRanges.allowed(Optional.of("# comment\n* 10.0.0.0/8 192.168.0.0/16\n* 2001::/64\n"));
        assertThat(ranges).containsExactly("10.0.0.0/8", "192.168.0.0/16");
        assertThat(HostOnlyRanges.contains(ranges, "10.8.8.50")).isTrue();
        assertThat(HostOnlyRanges.contains(HostOnlyRanges.allowed(Optional.of("* 10.0.0.0/8\n")), "192.168.56.11")).isFalse();
        assertThat(HostOnlyRanges.contains(HostOnlyRanges.allowed(Optional.of("* 0.0.0.0/0 ::/0\n")), "172.16.1.1")).isTrue();
    }

    @Test
    void diagnosisNamesTheFixForKnownErrorsByClassAndByText() {
        var notUsable = VagrantStatusParser.errorExit(LabFixtures.recorded("status-virtualbox-not-usable.vagrant-2.3.4.txt"));
        assertThat(VagrantDiagnosis.likelyFix(notUsable, "")).contains("VirtualBox is missing").contains("./lab run");
        assertThat(VagrantDiagnosis.likelyFix(Optional.empty(), "Code E_ACCESSDENIED (0x80070005) - Access denied"))
                .contains("/etc/vbox/networks.conf");
        var invalid = VagrantStatusParser.errorExit(LabFixtures.recorded("validate-config-invalid.vagrant-2.3.4.txt"));
        assertThat(VagrantDiagnosis.likelyFix(invalid, "")).contains("Vagrantfile");
        assertThat(VagrantDiagnosis.likelyFix(Optional.empty(), "something new")).contains("no known cause");
    }
}
