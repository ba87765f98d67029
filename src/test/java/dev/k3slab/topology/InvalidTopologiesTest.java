package dev.k3slab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.k3slab.yaml.YamlProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The catalogue of broken topologies: one file per rule under {@code topology/invalid/}, each with
 * the exact problems it must produce, line by line, in {@code <name>.expected}.
 */
class InvalidTopologiesTest {
    private static final Path CATALOGUE = Path.of("src/test/resources/topology/invalid");

    @TestFactory
    Stream<DynamicTest> eachBrokenTopologyIsRefusedWithExactlyItsProblems() throws IOException {
        return yamlFiles().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = "invalid/" + file.getFileName();
            TopologyException refused = catchThrowableOfType(TopologyException.class,
                    () -> TopologyLoader.parse(name, Files.readString(file, StandardCharsets.UTF_8)));

            assertThat(refused).as("%s must be refused", name).isNotNull();
            assertThat(refused.problems()).extracting(YamlProblem::toString).containsExactlyElementsOf(expected(file));
            assertThat(refused.problems()).extracting(YamlProblem::line).isSorted();
        }));
    }

    @Test
    void theCatalogueHasAFileForEveryRule() throws IOException {
        assertThat(yamlFiles().map(f -> f.getFileName().toString())).contains(
                "not-yaml.yaml", "empty.yaml", "not-a-mapping.yaml", "duplicate-yaml-keys.yaml",
                "unknown-keys.yaml", "missing-keys.yaml", "wrong-shapes.yaml",
                "hostnames.yaml", "duplicate-names.yaml", "duplicate-ips.yaml", "ip-outside-prefix.yaml",
                "reserved-addresses.yaml", "prefix-shape.yaml", "virtualbox-range.yaml", "no-server.yaml",
                "no-nodes.yaml", "too-little-memory.yaml", "k3s-version.yaml", "etcdctl-version.yaml",
                "vm-name-prefix.yaml", "box.yaml", "many-problems.yaml");
    }

    private static Stream<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.list(CATALOGUE)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    private static List<String> expected(Path yaml) throws IOException {
        Path expected = yaml.resolveSibling(yaml.getFileName().toString().replace(".yaml", ".expected"));
        return Files.readAllLines(expected, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }
}
