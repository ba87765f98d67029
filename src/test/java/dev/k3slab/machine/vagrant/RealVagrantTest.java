package dev.k3slab.machine.vagrant;

import dev.k3slab.machine.LogSink;
import dev.k3slab.machine.MachineState;
import dev.k3slab.testing.ExternalTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The readers against the real {@code vagrant} (Debian's 2.3.4 in CI), which answers status and
 * validate without VirtualBox. Skipped where no vagrant is on the PATH, except on CI (which installs it).
 */
class RealVagrantTest {

    static final String VAGRANTFILE = """
            Vagrant.configure("2") do |config|
              config.vm.box = "bento/ubuntu-22.04"
              config.vm.define "cp-1" do |m|
                m.vm.network "private_network", ip: "192.168.56.11"
              end
              config.vm.define "w-1" do |m|
                m.vm.network "private_network", ip: "192.168.56.21"
              end
            end
            """;
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    static Path vagrant;
    static Path good;
    static Path invalid;

    @BeforeAll
    static void findVagrant() throws IOException {
        vagrant = ExternalTool.require("vagrant").executable();
        good = Files.createDirectories(tmp.resolve("good"));
        Files.writeString(good.resolve("Vagrantfile"), VAGRANTFILE);
        invalid = Files.createDirectories(tmp.resolve("invalid"));
        Files.writeString(invalid.resolve("Vagrantfile"), VAGRANTFILE.replace("config.vm.box =", "config.vm.boxx = \"x\"\n  config.vm.box ="));
    }

    /** Runs vagrant with its own choice of provider (libvirt on Debian, where the plugin comes with it). */
    static ProcessResult plain(Path dir, String... args) {
        ProcessRunner runner = new ProcessRunner(dir, Map.of("VAGRANT_CWD", dir.toString(), "VAGRANT_CHECKPOINT_DISABLE", "1",
                "VAGRANT_HOME", tmp.resolve("vagrant-home").toString()));
        List<String> argv = new java.util.ArrayList<>(List.of(vagrant.toString()));
        argv.addAll(List.of(args));
        return runner.run(argv, LIMIT, (s, l) -> { });
    }

    @Test
    void statusOfAFreshEnvironmentListsEveryMachineNotCreated() {
        ProcessResult r = plain(good, "status", "--machine-readable");
        assertThat(r.exitCode()).hasValue(0);
        var machines = VagrantStatusParser.parse(r.stdoutText());
        assertThat(machines).extracting(VagrantMachineStatus::machine).containsExactly("cp-1", "w-1");
        assertThat(machines).allSatisfy(m -> {
            assertThat(m.machineState()).isEqualTo(MachineState.NOT_CREATED);
            assertThat(m.provider()).isNotBlank();
        });
    }

    @Test
    void statusWithVirtualBoxAsProviderEitherListsTheMachinesOrSaysVirtualBoxIsMissing() {
        VagrantCli cli = new VagrantCli(vagrant, good, LogSink.NONE);
        VagrantRun run = cli.run(null, LIMIT, "status", "--machine-readable");
        boolean virtualBoxHere = Executables.VBOXMANAGE.find().isPresent();
        if (virtualBoxHere) {
            assertThat(VagrantStatusParser.parse(run.process().stdoutText()))
                    .allSatisfy(m -> assertThat(m.provider()).isEqualTo("virtualbox"));
        } else {
            assertThat(run.succeeded()).isFalse();
            assertThatThrownBy(() -> VagrantStatusParser.parse(run.process().stdoutText()))
                    .isInstanceOf(VagrantErrorException.class)
                    .satisfies(e -> assertThat(((VagrantErrorException) e).error().shortClass()).isEqualTo("ProviderNotUsable"));
            assertThat(cli.failure(run, null, null).getMessage())
                    .contains("exit status 1").contains("Likely fix: VirtualBox is missing");
        }
    }

    @Test
    void statusOfAnUnknownMachineIsAnErrorExitRecord() {
        ProcessResult r = plain(good, "status", "--machine-readable", "nope");
        assertThat(r.exitCode()).hasValue(1);
        assertThat(VagrantStatusParser.errorExit(r.stdoutText())).get()
                .satisfies(e -> {
                    assertThat(e.shortClass()).isEqualTo("MachineNotFound");
                    assertThat(e.message()).startsWith("The machine with the name 'nope' was not found configured for\n");
                });
    }

    @Test
    void validateAcceptsAGoodVagrantfileAndNamesTheBadSettingOfAnInvalidOne() {
        ProcessResult ok = plain(good, "validate", "--machine-readable");
        assertThat(ok.exitCode()).hasValue(0);
        assertThat(MachineReadable.parse(ok.stdoutText()))
                .anySatisfy(r -> assertThat(r.field(1)).isEqualTo("Vagrantfile validated successfully."));

        ProcessResult bad = plain(invalid, "validate", "--machine-readable");
        assertThat(bad.exitCode()).hasValue(1);
        var error = MachineReadable.errorExit(MachineReadable.parse(bad.stdoutText())).orElseThrow();
        assertThat(error.shortClass()).isEqualTo("ConfigInvalid");
        assertThat(error.message()).contains("* The following settings shouldn't exist: boxx");
        assertThat(VagrantDiagnosis.likelyFix(java.util.Optional.of(error), "")).contains("Vagrantfile is invalid");
    }
}
