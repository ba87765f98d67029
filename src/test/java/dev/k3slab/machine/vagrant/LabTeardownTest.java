package dev.k3slab.machine.vagrant;

import dev.k3slab.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LabTeardownTest {

    @TempDir
    Path tmp;

    @Test
    void vmNamesAreReadFromListVms() {
        assertThat(LabTeardown.vmNames("\"k3s-splitbrain-cp-1\" {2b1c7a3e-1111-2222-3333-444455556666}\n\"other vm\" {0a0b0c0d-1111-2222-3333-444455556666}\n"))
                .containsExactly("k3s-splitbrain-cp-1", "other vm");
    }

    @Test
    void downDestroysThroughVagrantThenRemovesOnlyLeftoversWithTheLabPrefix() throws IOException {
        Topology lab = LabFixtures.defaultLab();
        FakeVagrant fake = new FakeVagrant(tmp, lab);
        VagrantProvider provider = fake.provider(lab);
        provider.up();

        Path vms = tmp.resolve("vms");
        Files.writeString(vms, "\"k3s-splitbrain-cp-9\" {2b1c7a3e-1111-2222-3333-444455556666}\n"
                + "\"someone-elses-vm\" {0a0b0c0d-1111-2222-3333-444455556666}\n");
        Path vbox = tmp.resolve("bin/VBoxManage");
        Files.writeString(vbox, "#!/bin/sh\necho \"$*\" >> " + tmp.resolve("vbox-calls") + "\n"
                + "case \"$1\" in\n"
                + "  list) cat " + vms + " ;;\n"
                + "  controlvm) exit 1 ;;\n"
                + "  unregistervm) grep -v \"\\\"$2\\\"\" " + vms + " > " + vms + ".new; mv " + vms + ".new " + vms + " ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(vbox, PosixFilePermissions.fromString("rwxr-xr-x"));

        LabTeardown.Outcome outcome = LabTeardown.down(provider, Optional.of(vbox), lab.vmNamePrefix(), fake.log());

        assertThat(lab.names()).allSatisfy(n -> assertThat(fake.stateOf(n)).isEqualTo("not_created"));
        assertThat(outcome.removedByPrefix()).containsExactly("k3s-splitbrain-cp-9");
        assertThat(outcome.left()).isEmpty();
        assertThat(Files.readString(vms)).contains("someone-elses-vm").doesNotContain("cp-9");
        assertThat(Files.readAllLines(tmp.resolve("vbox-calls")))
                .containsExactly("list vms", "controlvm k3s-splitbrain-cp-9 poweroff", "unregistervm k3s-splitbrain-cp-9 --delete");
    }
}
