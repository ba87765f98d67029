package dev.k3slab.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.k3slab.record.RunRecord;
import dev.k3slab.shell.SecretMasker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** {@code report.json}: the run record as JSON (ISO-8601 instants), with every string masked on the way out. */
final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A report written by a newer harness (more fields) still re-renders.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    /**
     * The run as a JSON tree with every string value passed through the masker. Records are masked
     * when built; this second pass catches whatever slipped through (a token in an output, a message).
     */
    static JsonNode maskedTree(RunRecord run, SecretMasker masker) {
        JsonNode tree = MAPPER.valueToTree(run);
        mask(tree, masker);
        return tree;
    }

    static RunRecord fromTree(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, RunRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run record does not survive its own JSON form: " + e.getOriginalMessage(), e);
        }
    }

    static void write(JsonNode tree, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), tree);
    }

    static RunRecord read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UnreadableReportException(file, "no such file",
                    "run `./lab run` first, or name a run id, run folder or report.json that exists (see `ls reports/`)");
        }
        try {
            return MAPPER.readValue(file.toFile(), RunRecord.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new UnreadableReportException(file, "not a k3s-lab run record" + where + ": " + e.getOriginalMessage(),
                    "re-render only report.json files written by `./lab run`; if this one was edited by hand, restore it", e);
        } catch (IOException e) {
            throw new UnreadableReportException(file, "cannot read it: " + e.getMessage(),
                    "check that the file is readable by you", e);
        }
    }

    private static void mask(JsonNode node, SecretMasker masker) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(masker.mask(field.getValue().asText())));
                } else {
                    mask(field.getValue(), masker);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(masker.mask(array.get(i).asText())));
                } else {
                    mask(array.get(i), masker);
                }
            }
        }
    }
}
