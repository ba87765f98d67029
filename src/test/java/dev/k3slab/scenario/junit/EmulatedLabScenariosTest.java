package dev.k3slab.scenario.junit;

import dev.k3slab.scenario.Labs;
import dev.k3slab.scenario.RunPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Experiments 1 to 5c, from the files in {@code scenarios/}, in order on one emulated lab, as part
 * of {@code ./mvnw verify}; and the example {@code scenarios/examples/4b-on-cp-2.yaml}, which needs
 * no Java. Reports go to {@code target/k3s-lab-reports/}.
 */
@DisplayName("The experiments on the emulated lab")
class EmulatedLabScenariosTest {
    private static final LabSuites SUITES = new LabSuites();

    @TestFactory
    @DisplayName("1-5c in order")
    Stream<DynamicNode> experiments() {
        return SUITES.play("emulated-junit", List.of(), RunPlan.Selection.all(),
                (topology, runDir, masker) -> Labs.emulated(topology, runDir.resolve("lab"), runDir, masker));
    }

    @TestFactory
    @DisplayName("4b on cp-2, written from scenarios/README.md alone")
    Stream<DynamicNode> exampleWithoutJava() {
        return SUITES.play("emulated-example", List.of(Path.of("scenarios/examples/4b-on-cp-2.yaml")),
                new RunPlan.Selection(List.of("4b-on-cp-2"), null),
                (topology, runDir, masker) -> Labs.emulated(topology, runDir.resolve("lab"), runDir, masker));
    }

    @AfterAll
    static void closeTheLabs() {
        SUITES.close();
    }
}
