package dev.k3slab.cli;

import dev.k3slab.emulator.vagrantdouble.Leftovers;
import dev.k3slab.emulator.vagrantdouble.VagrantDouble;
import dev.k3slab.machine.DestroyPolicy;
import dev.k3slab.machine.MachineState;
import dev.k3slab.machine.TeardownAdvice;
import dev.k3slab.machine.vagrant.SshConfigParser;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import dev.k3slab.report.ReportWriter;
import dev.k3slab.scenario.Labs;
import dev.k3slab.scenario.Progress;
import dev.k3slab.scenario.RunPlan;
import dev.k3slab.scenario.RunTeardown;
import dev.k3slab.scenario.ScenarioEngine;
import dev.k3slab.scenario.ScenarioLoader;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.shell.ssh.SshSettings;
import dev.k3slab.topology.LabHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three faults the Vagrant path must survive on a real workstation, acted out by the vagrant
 * double and met by the real provider, engine and CLI: a {@code reload} that never ends, an
 * {@code up} that ends in {@code error-exit}, a node whose SSH never answers after its reload.
 * Each ends as promised: a clear error, the evidence saved, the machines kept, the next command
 * printed and no process left behind.
 */
class VagrantDoubleFaultsTest {

    @TempDir
    Path home;
    VagrantDouble vagrant;
    Path scenarios;

    @BeforeEach
    void start() throws IOException {
        vagrant = VagrantDouble.start(home, "vagrant");
        scenarios = Files.createDirectories(home.resolve("faults"));
        try (InputStream in = getClass().getResourceAsStream("/vagrant-double/faults/reboot-cp-3.yaml")) {
            Files.copy(in, scenarios.resolve("reboot-cp-3.yaml"));
        }
    }

    @AfterEach
    void stop() {
        vagrant.close();
        assertThat(Leftovers.threads()).as("threads of the double and its machines").isEmpty();
    }

    /** {@code ./lab run --provider vagrant} in a checkout whose {@code vagrant/} the double serves. */
    private CliRun labRunOnTheDouble() {
        String oldHome = System.getProperty(LabHome.PROPERTY);
        String oldBin = System.getProperty("lab.vagrant.bin");
        System.setProperty(LabHome.PROPERTY, home.toString());
        System.setProperty("lab.vagrant.bin", vagrant.binary.toString());
        try {
            return CliRun.lab("run", "--provider", "vagrant", "--scenarios", scenarios.toString(),
                    "--report-dir", home.resolve("reports").toString());
        } finally {
            restore(LabHome.PROPERTY, oldHome);
            restore("lab.vagrant.bin", oldBin);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private Path runFolder() throws IOException {
        try (Stream<Path> runs = Files.list(home.resolve("reports"))) {
            return runs.filter(p -> p.getFileName().toString().endsWith("-vagrant")).findFirst().orElseThrow();
        }
    }

    @Test
    void aReloadThatNeverEndsIsEndedWithItsProcessTreeAndTheRunKeepsTheMachinesAndSaysWhatNext() throws IOException {
        vagrant.server.inject("reload-timeout:cp-3");

        CliRun run = labRunOnTheDouble();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        Path folder = runFolder();
        ExperimentRecord reboot = new ReportWriter().read(folder.resolve(ReportWriter.JSON)).experiments().get(0);
        StepRecord step = reboot.steps().get(1);
        assertThat(reboot.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(step.outcome()).isEqualTo(Verdict.UNKNOWN);
        assertThat(step.message()).startsWith("reboot of cp-3 failed: vagrant reload --no-provision --machine-readable cp-3 (in "
                        + vagrant.vagrantDir + ") for machine cp-3: failed, ended after its timeout of 3 s (process tree killed)")
                .contains("Last lines of output:\n  | ==> cp-3: Attempting graceful shutdown of VM...\n",
                        "  | ==> cp-3: Waiting for machine to boot. This may take a few minutes...\n")
                .contains("Likely fix: vagrant did not finish within 3 s and was ended");
        assertEvidenceOfEveryNode(folder, reboot);
        assertThat(Files.readString(folder.resolve("provider.log")))
                .contains("[cp-3] ==> cp-3: Attempting graceful shutdown of VM...");
        assertKeptWithAdvice(run, "cp-3");
        assertThat(vagrant.topology.names()).as("machines kept, cp-3 booted once vagrant was gone")
                .allSatisfy(n -> assertThat(vagrant.server.lab().state(n)).isEqualTo(MachineState.RUNNING));
        assertThat(Leftovers.processes()).as("vagrant processes after the run").isEmpty();
    }

    @Test
    void anUpThatEndsInErrorExitStopsTheRestKeepsWhatCameUpAndSaysWhatNext() throws IOException {
        vagrant.server.inject("up-error-exit:cp-3");

        CliRun run = labRunOnTheDouble();

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.UNKNOWN_OR_BROKEN);
        Path folder = runFolder();
        RunRecord record = new ReportWriter().read(folder.resolve(ReportWriter.JSON));
        assertThat(record.experiments()).singleElement().extracting(ExperimentRecord::verdict).isEqualTo(Verdict.UNKNOWN);
        assertThat(record.notes()).anySatisfy(n -> assertThat(n).startsWith("the lab did not come up: vagrant up --no-parallel"
                        + " --provider virtualbox --machine-readable cp-3 (in " + vagrant.vagrantDir + ") for machine cp-3: failed,"
                        + " exit status 1, Vagrant::Errors::VMBootTimeout")
                .contains("  | the timeout (\"config.vm.boot_timeout\") value.")
                .contains("Likely fix: the VM never answered SSH within config.vm.boot_timeout"));
        assertThat(Files.readString(folder.resolve("provider.log")))
                .contains("[cp-3]     cp-3: Warning: Connection timeout. Retrying...",
                        "[cp-3] Timed out while waiting for the machine to boot. This means that");
        assertKeptWithAdvice(run, "cp-1");
        assertThat(vagrant.topology.names()).extracting(n -> vagrant.server.lab().state(n)).as("up stops at the first failure")
                .containsExactly(MachineState.RUNNING, MachineState.RUNNING, MachineState.RUNNING,
                        MachineState.NOT_CREATED, MachineState.NOT_CREATED);
        assertThat(Leftovers.processes()).as("vagrant processes after the run").isEmpty();
    }

    @Test
    void aNodeWhoseSshNeverAnswersAfterItsReloadIsUnknownWithItsEvidenceAndTheNextCommand() throws IOException {
        vagrant.server.inject("ssh-dead-after-reload:cp-3");
        // Short SSH bounds: the defaults (10 s per step, 90 s of retries) would make each probe of cp-3 wait minutes.
        SshSettings quick = new SshSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(200),
                Duration.ofMillis(500), Duration.ofSeconds(5), 3);
        Path runDir = Files.createDirectories(home.resolve("run"));
        var set = new ScenarioLoader(vagrant.topology).load(ScenarioLoader.filesIn(scenarios)).set().orElseThrow();

        RunRecord run;
        try (Labs.Opened lab = Labs.of(vagrant.provider(), vagrant.topology, runDir, new SecretMasker(),
                vagrant.vagrantDir.resolve(".k3s-lab/observations"), quick)) {
            run = new ScenarioEngine(lab.session(), Progress.NONE).run(set, RunPlan.Selection.all());
        }

        ExperimentRecord reboot = run.experiments().get(0);
        int silentPort = SshConfigParser.parse(vagrant.vagrant("ssh-config", "cp-3").stdoutText()).get(0).port();
        assertThat(silentPort).isNotEqualTo(vagrant.server.lab().sshEndpoint("cp-3").port());
        assertThat(reboot.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(reboot.steps().get(1).message()).startsWith("the harness could not act on the lab: cp-3: cannot connect to"
                        + " vagrant@127.0.0.1:" + silentPort + " with key " + vagrant.vagrantDir.resolve(".vagrant/machines/cp-3/virtualbox/private_key"))
                .contains("Likely fix: the machine may still be booting or be overloaded: look at `vagrant status`");
        assertEvidenceOfEveryNode(runDir, reboot);
        assertThat(Files.readString(runDir.resolve("evidence/reboot-cp-3/cp-3.txt")))
                .as("one try at the unreachable node, not one connect window per probe")
                .containsOnlyOnce("[could not run: cp-3: cannot connect")
                .contains("[not run: cp-3 could not be reached for the probe above]");
        assertThat(Files.readString(runDir.resolve("evidence/reboot-cp-3/cp-2.txt"))).contains("$ systemctl cat k3s\n");
        TeardownAdvice advice = RunTeardown.advise(run, vagrant.topology, Path.of("vagrant"), DestroyPolicy.ON_SUCCESS);
        assertThat(advice.destroy()).isFalse();
        assertThat(advice.lines()).contains("Look inside:  cd vagrant && vagrant ssh cp-3", "Clean up:     ./lab down");
        assertThat(vagrant.vagrant("status", "--machine-readable", "cp-3").stdoutText()).contains(",cp-3,state,running");
        assertThat(Leftovers.processes()).as("vagrant processes after the run").isEmpty();
    }

    private static void assertEvidenceOfEveryNode(Path runDir, ExperimentRecord e) {
        assertThat(e.evidence()).containsExactly("evidence/reboot-cp-3/cp-1.txt", "evidence/reboot-cp-3/cp-2.txt",
                "evidence/reboot-cp-3/cp-3.txt", "evidence/reboot-cp-3/w-1.txt", "evidence/reboot-cp-3/w-2.txt");
        assertThat(e.evidence()).allSatisfy(f -> assertThat(runDir.resolve(f)).isNotEmptyFile());
    }

    private void assertKeptWithAdvice(CliRun run, String node) {
        List<String> lines = run.out().lines().toList();
        assertThat(lines).contains("The run failed; the lab's machines were left as they are (--destroy on-success): k3s-splitbrain-cp-1,"
                        + " k3s-splitbrain-cp-2, k3s-splitbrain-cp-3, k3s-splitbrain-w-1, k3s-splitbrain-w-2",
                "Look inside:  cd " + vagrant.vagrantDir + " && vagrant ssh " + node,
                "Clean up:     ./lab down");
    }
}
