package dev.k3slab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.k3slab.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ruby evaluates the generated Vagrantfile and the source's, with a stand-in for Vagrant's
 * configuration API (vagrantfile-probe.rb), and the test compares what each configures per machine.
 * Needs {@code ruby} (Vagrant's own dependency, so CI has it).
 */
class VagrantfileMeaningTest {
    private static final Path PROBE = Path.of("src/test/resources/topology/vagrantfile-probe.rb");
    private static final Path SOURCE = Path.of("src/test/resources/topology/source-Vagrantfile");
    private static final String SOURCE_GUARD = "grep -q \"cp-1\" /etc/hosts || cat >> /etc/hosts <<'EOF'";
    private static final String MARKER_GUARD =
            "grep -qxF \"# ---- k3s split-brain lab ----\" /etc/hosts || cat >> /etc/hosts <<'EOF'";

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theDefaultLabMeansWhatTheSourceVagrantfileMeans() throws Exception {
        JsonNode source = probe(Files.readString(SOURCE, StandardCharsets.UTF_8));
        JsonNode generated = probe(VagrantfileRenderer.render(
                TopologyLoader.load(TopologyLoaderTest.HOME.resolve(LabHome.TOPOLOGY)), LabHome.TOPOLOGY));

        assertThat(names(generated)).containsExactly("cp-1", "cp-2", "cp-3", "w-1", "w-2");
        for (int i = 0; i < source.size(); i++) {
            String sourceScript = inline(source.get(i));
            String generatedScript = inline(generated.get(i));
            // The one intended change: the guard looks for the marker, not for "cp-1" (see the template).
            assertThat(commands(sourceScript)).contains(SOURCE_GUARD);
            assertThat(commands(generatedScript)).contains(MARKER_GUARD);
            assertThat(commands(generatedScript).stream().map(c -> c.equals(MARKER_GUARD) ? SOURCE_GUARD : c))
                    .as("the common provisioner of %s, comments and indentation aside", names(source).get(i))
                    .containsExactlyElementsOf(commands(sourceScript));
            assertThat(withoutInline(generated.get(i))).isEqualTo(withoutInline(source.get(i)));
        }
        assertThat(generated.size()).isEqualTo(source.size());
    }

    @Test
    void everyMachineOfAnotherLabGetsItsOwnSettings() throws Exception {
        Topology lab = TopologyLoader.load(TopologyLoaderTest.resource("five-servers-one-agent.yaml"));

        JsonNode machines = probe(VagrantfileRenderer.render(lab, "five-servers-one-agent.yaml"));

        assertThat(machines.size()).isEqualTo(6);
        for (int i = 0; i < lab.nodes().size(); i++) {
            LabNode node = lab.nodes().get(i);
            JsonNode m = machines.get(i);
            assertThat(m.get("name").asText()).isEqualTo(node.name());
            assertThat(m.at("/settings/box").asText()).isEqualTo("bento/ubuntu-24.04");
            assertThat(m.at("/settings/hostname").asText()).isEqualTo(node.name());
            assertThat(m.at("/calls/0/method").asText()).isEqualTo("network");
            assertThat(m.at("/calls/0/args/0").asText()).isEqualTo("private_network");
            assertThat(m.at("/calls/0/options/ip").asText()).isEqualTo(node.ip());
            assertThat(m.at("/providers/virtualbox/name").asText()).isEqualTo("lab57-" + node.name());
            assertThat(m.at("/providers/virtualbox/cpus").asInt()).isEqualTo(node.cpus());
            assertThat(m.at("/providers/virtualbox/memory").asInt()).isEqualTo(node.memoryMb());
            assertThat(m.at("/providers/virtualbox/linked_clone").asBoolean()).isTrue();
            assertThat(commands(inline(m))).contains(
                    "# ---- k3s split-brain lab ----",
                    "192.168.57.101 s-1", "192.168.57.105 s-5", "192.168.57.2 a-1",
                    "ETCD_VER=\"v3.5.9\"");
        }
    }

    @Test
    void rubyReadsEscapedValuesBackUnchanged() throws Exception {
        String box = "evil\"box#{`id`}\\";
        Topology hostile = new Topology(box, "192.168.56", "v1.27.9+k3s1", "v3.5.11", "p-",
                List.of(new LabNode("cp-1", "192.168.56.11", Role.SERVER, 2, 2048)));

        JsonNode machines = probe(VagrantfileRenderer.render(hostile, "x.yaml"));

        assertThat(machines.get(0).at("/settings/box").asText()).isEqualTo(box);
    }

    private JsonNode probe(String vagrantfile) throws Exception {
        Path file = Files.writeString(dir.resolve("Vagrantfile"), vagrantfile, StandardCharsets.UTF_8);
        ExternalTool.Run run = ExternalTool.require("ruby")
                .run(dir, Map.of(), 60, PROBE.toAbsolutePath().toString(), file.toString());
        assertThat(run.exitCode()).as("ruby probe failed: %s", run.stderr()).isZero();
        return json.readTree(run.stdout());
    }

    private static List<String> names(JsonNode machines) {
        return java.util.stream.StreamSupport.stream(machines.spliterator(), false)
                .map(m -> m.get("name").asText()).toList();
    }

    private static String inline(JsonNode machine) {
        assertThat(machine.at("/provisioners").size()).isEqualTo(1);
        assertThat(machine.at("/provisioners/0/args/0").asText()).isEqualTo("shell");
        assertThat(machine.at("/provisioners/0/options/name").asText()).isEqualTo("common");
        return machine.at("/provisioners/0/options/inline").asText();
    }

    private static JsonNode withoutInline(JsonNode machine) {
        ObjectNode copy = machine.deepCopy();
        ((ObjectNode) copy.at("/provisioners/0/options")).remove("inline");
        return copy;
    }

    /**
     * The script's lines with runs of blanks collapsed (the seed lost the source's indentation),
     * comments and blank lines left out; the hosts marker line is data, not a comment.
     */
    private static List<String> commands(String script) {
        return script.lines().map(l -> l.strip().replaceAll("\\s+", " "))
                .filter(l -> !l.isEmpty() && !(l.startsWith("#") && !l.startsWith("# ----"))).toList();
    }
}
