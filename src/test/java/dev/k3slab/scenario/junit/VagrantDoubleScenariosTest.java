package dev.k3slab.scenario.junit;

import dev.k3slab.emulator.vagrantdouble.DoubleClockProvider;
import dev.k3slab.emulator.vagrantdouble.Leftovers;
import dev.k3slab.emulator.vagrantdouble.VagrantDouble;
import dev.k3slab.scenario.Labs;
import dev.k3slab.scenario.RunPlan;
import dev.k3slab.shell.ssh.SshSettings;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Experiments 1 to 5c, the same files and engine as {@link VagrantLabScenariosIT}, through the
 * real Vagrant provider and real {@code vagrant} processes, as part of {@code ./mvnw verify}: the
 * {@code vagrant} is the k3s-lab double, whose machines are an emulated lab (no VirtualBox, no
 * boot, no VM network). Every provider call, ssh-config parse, reconnect after a reload and
 * checkpoint is exercised; the lab clock is the emulated lab's, so 5a's half hour takes
 * milliseconds. Then 5c once more on the same machines, from the snapshots taken after 5b. The
 * first run's folder under {@code target/k3s-lab-reports/} keeps {@code provider.log} (every line
 * the double printed, both runs) and the double's folder.
 */
@DisplayName("The experiments through the Vagrant provider on the vagrant double (emulated machines, no VirtualBox)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VagrantDoubleScenariosTest {
    static final String NOTE = "VirtualBox was a test double: every machine action went through the Vagrant provider"
            + " and real `vagrant` processes, but that `vagrant` was k3s-lab's double and its machines the emulated lab"
            + " (no VM, no boot, no host-only network); the lab clock was that emulated lab's";

    private static final LabSuites SUITES = new LabSuites();
    private static DoubleClockProvider provider;
    private static VagrantDouble lab;

    @TestFactory
    @Order(1)
    @DisplayName("1-5c in order")
    Stream<DynamicNode> experiments() {
        return SUITES.play("vagrant-double-junit", List.of(), RunPlan.Selection.all(), (topology, runDir, masker) -> {
            lab = VagrantDouble.start(runDir.resolve("vagrant-double"), "vagrant", topology);
            provider = new DoubleClockProvider(lab, lab.fileLog(runDir.resolve("provider.log")));
            return Labs.of(provider, topology, runDir, masker, lab.vagrantDir.resolve(".k3s-lab/observations"),
                    SshSettings.defaults());
        }, List.of(NOTE));
    }

    /** The same machines again: 5c alone, from the checkpoint after-5b, restored with vagrant snapshot restore. */
    @TestFactory
    @Order(2)
    @DisplayName("5c again, from the snapshots after 5b")
    Stream<DynamicNode> fromTheCheckpoint() {
        assumeTrue(provider != null, "runs after 1-5c, on its machines");
        return SUITES.play("vagrant-double-from-5b", List.of(), new RunPlan.Selection(List.of("5c"), null),
                (topology, runDir, masker) -> Labs.of(provider, topology, runDir, masker,
                        lab.vagrantDir.resolve(".k3s-lab/observations"), SshSettings.defaults()), List.of(NOTE));
    }

    @AfterAll
    static void closeTheLabAndLeaveNothingRunning() {
        SUITES.close();
        provider = null;
        lab = null;
        assertThat(Leftovers.processes()).as("processes left by the vagrant double").isEmpty();
        assertThat(Leftovers.threads()).as("threads left by the vagrant double").isEmpty();
    }
}
