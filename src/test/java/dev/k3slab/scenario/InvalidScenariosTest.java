package dev.k3slab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.yaml.YamlProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalogue of invalid scenarios: one file per validation rule under
 * {@code src/test/resources/scenarios/invalid/}, each beside a {@code .expected} file holding the
 * exact problems it must produce, one per line, as {@code ./lab validate} prints them.
 */
class InvalidScenariosTest {
    static final Path DIR = Path.of("src/test/resources/scenarios/invalid");

    @TestFactory
    Stream<DynamicTest> everyInvalidFileProducesExactlyItsExpectedProblems() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).hasSizeGreaterThanOrEqualTo(20);
            return yaml.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                String name = "invalid/" + p.getFileName();
                ScenarioLoader.Loaded loaded = new ScenarioLoader(TestTopology.standard())
                        .loadTexts(Map.of(name, Files.readString(p, StandardCharsets.UTF_8)));
                Path expectedFile = Path.of(p.toString().replaceFirst("\\.yaml$", ".expected"));
                List<String> expected = Files.exists(expectedFile)
                        ? Arrays.stream(Files.readString(expectedFile, StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank()).toList()
                        : List.of("(no .expected file beside " + p.getFileName() + ")");
                assertThat(loaded.set()).isEmpty();
                assertThat(loaded.problems()).extracting(YamlProblem::toString).containsExactlyElementsOf(expected);
            }));
        }
    }
}
