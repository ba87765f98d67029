package dev.k3slab.cli;

import dev.k3slab.topology.TopologyLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./lab doctor} and {@code ./lab down}, with the programs pointed at fakes by system property. */
class MachineCommandsTest {

    @TempDir
    Path tmp;

    @AfterEach
    void clearOverrides() {
        System.clearProperty("lab.vagrant.bin");
        System.clearProperty("lab.vboxmanage.bin");
    }

    @Test
    void doctorWithoutVirtualBoxPrintsOneLinePerCheckAndExitsWithMissingPrerequisite() {
        System.setProperty("lab.vboxmanage.bin", tmp.resolve("no-VBoxManage").toString());
        CliRun run = CliRun.lab("doctor");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISSING_PREREQUISITE);
        assertThat(run.out()).contains("\nFAIL VirtualBox: ").containsPattern("\n(OK  |FAIL) memory: ")
                .contains("the real lab (Vagrant + VirtualBox) cannot run here")
                .contains("run the emulated lab instead: ./lab run");
        assertThat(run.out().lines().filter(l -> l.startsWith("OK   ") || l.startsWith("FAIL "))).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void downDestroysEveryMachineOfTheVagrantFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("vagrant"));
        Files.writeString(dir.resolve("Vagrantfile"), "# fake\n");
        Path state = Files.createDirectories(dir.resolve(".fake-vagrant/state"));
        Files.write(dir.resolve(".fake-vagrant/machines"), TopologyLoader.loadDefault().names());
        Files.writeString(state.resolve("cp-3"), "running\n");
        System.setProperty("lab.vagrant.bin", fakeVagrant().toString());
        System.setProperty("lab.vboxmanage.bin", tmp.resolve("no-VBoxManage").toString());

        CliRun run = CliRun.lab("down", "--vagrant-dir", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(state.resolve("cp-3")).strip()).isEqualTo("not_created");
        assertThat(run.out()).contains("[cp-3] ==> cp-3: Destroying VM and associated drives...")
                .contains("The lab's machines are destroyed (k3s-splitbrain-*).");
    }

    @Test
    void downWithoutAVagrantfileSaysThereIsNothingToDestroy() {
        System.setProperty("lab.vagrant.bin", "/bin/true");
        CliRun run = CliRun.lab("down", "--vagrant-dir", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISSING_PREREQUISITE);
        assertThat(run.err()).contains("no Vagrantfile in " + tmp.toAbsolutePath() + ": nothing Vagrant knows of to destroy");
    }

    private Path fakeVagrant() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("bin")).resolve("vagrant");
        try (InputStream in = getClass().getResourceAsStream("/fake-vagrant/vagrant")) {
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }
}
