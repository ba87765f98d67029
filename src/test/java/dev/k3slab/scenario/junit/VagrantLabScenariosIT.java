package dev.k3slab.scenario.junit;

import dev.k3slab.machine.LogSink;
import dev.k3slab.scenario.Labs;
import dev.k3slab.scenario.RunPlan;
import dev.k3slab.topology.LabHome;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The same experiments on real VMs (Vagrant + VirtualBox), with {@code ./mvnw verify -Plab}. Hours,
 * not seconds: it creates the five machines of {@code vagrant/} (which {@code ./lab vagrantfile}
 * generates), runs 1 to 5c and keeps the machines for a look inside ({@code ./lab down} removes
 * them). Vagrant's output goes to stderr.
 */
@DisplayName("The experiments on the Vagrant lab")
class VagrantLabScenariosIT {
    private static final LabSuites SUITES = new LabSuites();

    @TestFactory
    @DisplayName("1-5c in order")
    Stream<DynamicNode> experiments() {
        Path vagrant = LabHome.find().orElse(Path.of("").toAbsolutePath()).resolve("vagrant");
        return SUITES.play("vagrant-junit", List.of(), RunPlan.Selection.all(),
                (topology, runDir, masker) -> Labs.vagrant(topology, vagrant, runDir, masker, LogSink.to(System.err)));
    }

    @AfterAll
    static void closeTheLab() {
        SUITES.close();
    }
}
