package dev.k3slab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.k3slab.check.Operand;
import dev.k3slab.check.Relation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** scenarios/scenario.schema.json accepts what the loader accepts and rejects what the schema can see. */
class SchemaTest {
    private static JsonNode schemaNode;
    private static JsonSchema schema;

    @BeforeAll
    static void readSchema() throws IOException {
        schemaNode = new ObjectMapper().readTree(Path.of("scenarios/scenario.schema.json").toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
    }

    private static Set<ValidationMessage> validate(Path yaml) throws IOException {
        return schema.validate(new YAMLMapper().readTree(yaml.toFile()));
    }

    @Test
    void everyScenarioFileAndExampleIsValidAgainstTheSchema() throws IOException {
        List<Path> files = new ArrayList<>(ScenarioLoader.filesIn(Path.of("scenarios")));
        files.addAll(ScenarioLoader.filesIn(Path.of("scenarios/examples")));
        assertThat(files).hasSizeGreaterThanOrEqualTo(11);
        for (Path f : files) {
            assertThat(validate(f)).as(f.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-key", "unknown-step-key", "unknown-step-kind", "two-step-kinds", "bad-duration",
            "unknown-relation", "bad-relation-value", "operand-not-taken", "missing-operand", "wrong-type", "missing-name",
            "missing-id", "verdict-without-expectation", "monitor-stop-without-start", "secret-without-capture",
            "secret-with-expectations"})
    void theSchemaRejectsTheInvalidFilesAnEditorCanSee(String name) throws IOException {
        if (name.equals("monitor-stop-without-start")) {
            // The order of steps is beyond a schema: only the loader sees this one.
            assertThat(validate(InvalidScenariosTest.DIR.resolve(name + ".yaml"))).isEmpty();
            return;
        }
        assertThat(validate(InvalidScenariosTest.DIR.resolve(name + ".yaml"))).isNotEmpty();
    }

    @Test
    void theSchemaNamesTheSameStepKindsAndKeysAsTheLoader() {
        JsonNode defs = schemaNode.get("$defs");
        for (var kind : StepBinder.KINDS.entrySet()) {
            JsonNode step = defs.get(kind.getKey() + "-step");
            assertThat(step).as(kind.getKey()).isNotNull();
            Set<String> keys = new TreeSet<>();
            step.get("properties").fieldNames().forEachRemaining(keys::add);
            Set<String> expected = new TreeSet<>(kind.getValue());
            expected.add("name");
            expected.add(kind.getKey());
            assertThat(keys).as(kind.getKey()).isEqualTo(expected);
        }
        assertThat(defs.get("step").get("oneOf")).hasSize(StepBinder.KINDS.size());
    }

    @Test
    void theSchemaStatesEveryRelationWithTheOperandsItNeeds() {
        JsonNode check = schemaNode.get("$defs").get("check-step");
        List<String> words = new ArrayList<>();
        check.get("properties").get("check").get("enum").forEach(n -> words.add(n.asText()));
        assertThat(words).containsExactlyElementsOf(Relation.words());
        for (JsonNode rule : check.get("allOf")) {
            Relation r = Relation.of(rule.get("if").get("properties").get("check").get("const").asText()).orElseThrow();
            Set<String> required = new HashSet<>();
            rule.get("then").get("required").forEach(n -> required.add(n.asText()));
            assertThat(required).as(r.word()).isEqualTo(new HashSet<>(r.required().stream().map(Operand::key).toList()));
            Set<String> forbidden = new HashSet<>();
            JsonNode not = rule.get("then").get("not");
            if (not != null) {
                not.get("anyOf").forEach(n -> forbidden.add(n.get("required").get(0).asText()));
            }
            Set<String> notAllowed = new HashSet<>();
            for (Operand o : Operand.values()) {
                if (!r.allowed().contains(o)) {
                    notAllowed.add(o.key());
                }
            }
            assertThat(forbidden).as(r.word()).isEqualTo(notAllowed);
        }
    }
}
