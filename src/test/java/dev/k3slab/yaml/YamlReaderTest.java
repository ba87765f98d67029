package dev.k3slab.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final List<YamlProblem> problems = new ArrayList<>();

    private YamlNode read(String text) {
        return YamlReader.read("f.yaml", text, problems).orElseThrow();
    }

    @Test
    void everyNodeKnowsItsLineAndPath() {
        YamlNode root = read("""
                a: 1
                list:
                  - name: x
                    ip: y
                  - name: z
                """);

        YamlNode second = root.get("list").orElseThrow().items().get(1);
        YamlNode ip = root.get("list").orElseThrow().items().get(0).get("ip").orElseThrow();
        assertThat(second.path()).isEqualTo("list[1]");
        assertThat(second.line()).isEqualTo(5);
        assertThat(ip.path()).isEqualTo("list[0].ip");
        assertThat(ip.line()).isEqualTo(4);
        assertThat(root.keyLine("list")).isEqualTo(2);
        assertThat(problems).isEmpty();
    }

    @Test
    void scalarsKeepTheirTextAsWritten() {
        YamlNode root = read("mode: 0755\nok: yes\nversion: v1.27.9+k3s1\nempty:\nquoted: \"null\"\n");

        assertThat(root.get("mode").orElseThrow().scalar()).isEqualTo("0755");
        assertThat(root.get("ok").orElseThrow().scalar()).isEqualTo("yes");
        assertThat(root.get("version").orElseThrow().scalar()).isEqualTo("v1.27.9+k3s1");
        assertThat(root.get("empty").orElseThrow().isNull()).isTrue();
        assertThat(root.get("quoted").orElseThrow().scalar()).isEqualTo("null");
    }

    @Test
    void aDuplicateKeyIsAProblemNamingBothLines() {
        YamlNode root = read("a: 1\nb: 2\na: 3\n");

        assertThat(problems).extracting(YamlProblem::toString)
                .containsExactly("f.yaml:3: a: duplicate key 'a' (first at line 1)");
        assertThat(root.get("a").orElseThrow().scalar()).isEqualTo("1");
    }

    @Test
    void brokenSyntaxIsOneProblemWithItsLine() {
        assertThat(YamlReader.read("f.yaml", "a: 1\nb: [1, 2\n", problems)).isEmpty();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).message()).startsWith("not valid YAML: ");
    }

    @Test
    void anEmptyOrCommentOnlyFileIsAProblem() {
        assertThat(YamlReader.read("f.yaml", "# nothing here\n", problems)).isEmpty();

        assertThat(problems).extracting(YamlProblem::toString).containsExactly("f.yaml:1: the file is empty");
    }

    @Test
    void aListAsKeyIsAProblem() {
        read("? [a, b]\n: 1\nc: 2\n");

        assertThat(problems).extracting(YamlProblem::toString)
                .containsExactly("f.yaml:1: keys must be plain words, not lists or mappings");
    }

    @Test
    void lineOfFindsANodeByPathOrFallsBackToItsNearestAncestor() {
        YamlNode root = read("""
                top: 1
                nodes:
                  - name: a
                  - name: b
                    ip: x
                """);

        assertThat(root.lineOf("nodes[1].ip")).isEqualTo(5);
        assertThat(root.lineOf("nodes[0].ip")).as("missing key: its node's line").isEqualTo(3);
        assertThat(root.lineOf("nodes[7].ip")).as("missing item: the list's line").isEqualTo(3);
        assertThat(root.lineOf("other.deep")).as("nothing matches: the root's line").isEqualTo(1);
        assertThat(root.problemAt("nodes[1].ip", "bad").toString()).isEqualTo("f.yaml:5: nodes[1].ip: bad");
    }

    @Test
    void descendantsVisitsEveryNodeInFileOrder() {
        YamlNode root = read("a: 1\nb:\n  - 2\n  - c: 3\n");

        assertThat(root.descendants().map(YamlNode::path))
                .containsExactly("", "a", "b", "b[0]", "b[1]", "b[1].c");
    }
}
