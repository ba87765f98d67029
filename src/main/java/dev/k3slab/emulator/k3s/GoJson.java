package dev.k3slab.emulator.k3s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** JSON as Go's {@code json.MarshalIndent(v, "", indent)} prints it ({@code "key": value}, {@code []} when empty). */
final class GoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GoJson() {
    }

    static String indent(Object value, String indent) {
        DefaultIndenter indenter = new DefaultIndenter(indent, "\n");
        Separators sep = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator("");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withSeparators(sep);
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        ObjectWriter w = MAPPER.writer(pp);
        try {
            return w.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compact, as Go's {@code json.Marshal}. */
    static String compact(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
