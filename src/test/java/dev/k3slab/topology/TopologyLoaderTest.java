package dev.k3slab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.k3slab.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyLoaderTest {

    /** The checkout this test runs in (Surefire runs from the project folder). */
    static final Path HOME = LabHome.findAbove(Path.of("")).orElseThrow();

    @Test
    void theDefaultTopologyIsTheSourceLab() {
        Topology lab = TopologyLoader.load(HOME.resolve(LabHome.TOPOLOGY));

        assertThat(lab.box()).isEqualTo("bento/ubuntu-22.04");
        assertThat(lab.networkPrefix()).isEqualTo("192.168.56");
        assertThat(lab.k3sVersion()).isEqualTo("v1.27.9+k3s1");
        assertThat(lab.etcdctlVersion()).isEqualTo("v3.5.11");
        assertThat(lab.vmNamePrefix()).isEqualTo("k3s-splitbrain-");
        assertThat(lab.nodes()).containsExactly(
                new LabNode("cp-1", "192.168.56.11", Role.SERVER, 2, 2048),
                new LabNode("cp-2", "192.168.56.12", Role.SERVER, 2, 2048),
                new LabNode("cp-3", "192.168.56.13", Role.SERVER, 2, 2048),
                new LabNode("w-1", "192.168.56.21", Role.AGENT, 2, 2048),
                new LabNode("w-2", "192.168.56.22", Role.AGENT, 2, 2048));
        assertThat(lab.vmName(lab.node("cp-1"))).isEqualTo("k3s-splitbrain-cp-1");
    }

    @Test
    void theCopyInTheJarIsTheSameAsTheCheckoutsTopology() throws IOException {
        assertThat(TopologyLoader.defaultResourceText())
                .as("src/main/resources/%s must be a copy of %s", TopologyLoader.DEFAULT_RESOURCE, LabHome.TOPOLOGY)
                .isEqualTo(Files.readString(HOME.resolve(LabHome.TOPOLOGY)));
    }

    @Test
    void withoutACheckoutTheDefaultComesFromTheJar() {
        assertThat(TopologyLoader.loadDefault(Optional.empty()))
                .isEqualTo(TopologyLoader.load(HOME.resolve(LabHome.TOPOLOGY)));
    }

    @Test
    void theDefaultIsReadFromTheLabHomeWhenThereIsOne(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("vagrant"));
        Files.copy(resource("five-servers-one-agent.yaml"), home.resolve(LabHome.TOPOLOGY));

        assertThat(TopologyLoader.loadDefault(Optional.of(home)).names())
                .containsExactly("s-1", "s-2", "s-3", "s-4", "s-5", "a-1");
    }

    @Test
    void theLabHomeIsFoundFromAnyFolderBelowIt(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("vagrant"));
        Files.writeString(home.resolve(LabHome.TOPOLOGY), "");
        Path deep = Files.createDirectories(home.resolve("a/b/c"));

        assertThat(LabHome.findAbove(deep)).contains(home.toAbsolutePath().normalize());
        assertThat(LabHome.findAbove(home.getParent())).isNotEqualTo(Optional.of(home));
    }

    @Test
    void anotherLabLoadsWithItsOwnValues() {
        Topology lab = TopologyLoader.load(resource("five-servers-one-agent.yaml"));

        assertThat(lab.servers()).hasSize(5);
        assertThat(lab.agents()).containsExactly(new LabNode("a-1", "192.168.57.2", Role.AGENT, 1, 512));
        assertThat(lab.networkPrefix()).isEqualTo("192.168.57");
        assertThat(lab.vmName(lab.node("s-3"))).isEqualTo("lab57-s-3");
    }

    @Test
    void aRangeOutsideVirtualBoxsDefaultLoadsWhenDeclaredAllowed() {
        Topology lab = TopologyLoader.load(resource("custom-range-allowed.yaml"));

        assertThat(lab.networkPrefix()).isEqualTo("10.0.8");
    }

    @Test
    void aMissingFileIsOneProblemNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> TopologyLoader.load(missing))
                .isInstanceOfSatisfying(TopologyException.class, e -> assertThat(e.problems())
                        .extracting(YamlProblem::toString)
                        .containsExactly(missing + ":0: cannot read the file (NoSuchFileException: " + missing + ")"));
    }

    @Test
    void theExceptionMessageListsEveryProblemAndWhatToDo() {
        TopologyException e = (TopologyException) org.assertj.core.api.Assertions.catchThrowable(() ->
                TopologyLoader.parse("t.yaml", "box: 'a b'\nvm-name-prefix: x\n"));

        assertThat(e.getMessage()).isEqualTo("""
                the lab topology t.yaml has 5 problems:
                  t.yaml:1: missing required key 'network'
                  t.yaml:1: missing required key 'k3s'
                  t.yaml:1: missing required key 'etcdctl'
                  t.yaml:1: missing required key 'nodes'
                  t.yaml:1: box: 'a b' is not a Vagrant box name like bento/ubuntu-22.04
                Nothing was done. Fix the file and try again; docs/topology.md lists the rules.""");
    }

    static Path resource(String name) {
        return Path.of("src/test/resources/topology", name);
    }
}
