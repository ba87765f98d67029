package dev.k3slab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.yaml.YamlProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioFilesTest {
    static final Path DIR = Path.of("scenarios");

    @Test
    void theTenExperimentsLoadWithoutProblemsInTheirOrder() {
        ScenarioLoader.Loaded loaded = new ScenarioLoader(TestTopology.standard()).load(ScenarioLoader.filesIn(DIR));
        assertThat(loaded.problems()).extracting(YamlProblem::toString).isEmpty();
        assertThat(loaded.set().orElseThrow().ids()).containsExactly("1", "2", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "5c");
    }

    @Test
    void theExampleLoadsBesideTheExperiments() {
        List<Path> files = new ArrayList<>(ScenarioLoader.filesIn(DIR));
        files.add(DIR.resolve("examples/4b-on-cp-2.yaml"));
        ScenarioLoader.Loaded loaded = new ScenarioLoader(TestTopology.standard()).load(files);
        assertThat(loaded.problems()).extracting(YamlProblem::toString).isEmpty();
        Scenario example = loaded.set().orElseThrow().find("4b-on-cp-2").orElseThrow();
        assertThat(example.title()).contains("cp-2");
        assertThat(example.steps().get(2).name()).isEqualTo("stop the k3s unit on cp-2");
        assertThat(example.steps().get(example.steps().size() - 1).name()).startsWith("cp-3 is still Ready");
    }
}
