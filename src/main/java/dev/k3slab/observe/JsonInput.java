package dev.k3slab.observe;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON document as the Go tools print it, read so that each element of its main array keeps the
 * line it starts on: a field missing from the fifth member can then be reported at its line.
 */
final class JsonInput {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** One element of the main array and the line it starts on. */
    record Element(JsonNode node, int line, int index) {
    }

    /**
     * The document: {@code root} is the top-level object without its main array (null when the
     * document is a bare array); {@code elements} the main array's elements; {@code hasArray}
     * whether the main array was there at all.
     */
    record Doc(String text, String format, ObjectNode root, List<Element> elements, boolean hasArray) {
        ParseException error(Element e, String arrayName, String problem) {
            return new ParseException(format, e.line(), Lines.lineAt(text, e.line()),
                    arrayName + "[" + e.index() + "]: " + problem);
        }

        ParseException error(String problem) {
            return new ParseException(format, 1, Lines.lineAt(text, 1), problem);
        }
    }

    /** A field of an element that is missing or of the wrong shape; the caller adds where. */
    static final class BadField extends RuntimeException {
        BadField(String problem) {
            super(problem, null, false, false);
        }
    }

    private JsonInput() {
    }

    /** True when the first thing in {@code text} opens a JSON object or array. */
    static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /**
     * Reads {@code text}. A top-level array is the main array; in a top-level object the field
     * {@code arrayField} (when it is an array) is.
     */
    static Doc read(String text, String format, String arrayField) {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw Lines.empty(format);
            }
            List<Element> elements = new ArrayList<>();
            ObjectNode root = null;
            boolean hasArray = false;
            if (first == JsonToken.START_ARRAY) {
                readElements(p, elements);
                hasArray = true;
            } else if (first == JsonToken.START_OBJECT) {
                root = MAPPER.createObjectNode();
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals(arrayField) && value == JsonToken.START_ARRAY) {
                        readElements(p, elements);
                        hasArray = true;
                    } else {
                        root.set(name, p.readValueAsTree());
                    }
                }
            } else {
                throw at(text, format, p.currentTokenLocation(), "expected a JSON object or array");
            }
            if (p.nextToken() != null) {
                throw at(text, format, p.currentTokenLocation(), "more after the end of the JSON document");
            }
            return new Doc(text, format, root, elements, hasArray);
        } catch (JsonProcessingException e) {
            throw at(text, format, e.getLocation(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            // A String source cannot fail to read; anything else Jackson raises is still bad input.
            throw new ParseException(format, 0, null, "not readable as JSON: " + e.getMessage());
        }
    }

    private static void readElements(JsonParser p, List<Element> into) throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new JsonParseException(p, "the array is not closed");
            }
            int line = p.currentTokenLocation().getLineNr();
            into.add(new Element(p.readValueAsTree(), Math.max(line, 1), into.size()));
        }
    }

    private static ParseException at(String text, String format, JsonLocation location, String problem) {
        int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
        return new ParseException(format, line, line == 0 ? null : Lines.lineAt(text, line), problem);
    }

    /** A JSON value for a message, cut short: hostile input may be huge. */
    static String shown(JsonNode v) {
        String s = v.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The text of {@code field}, or null when it is absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : null;
    }

    /**
     * An unsigned 64-bit integer as etcd prints it: a decimal JSON number (which may exceed
     * {@link Long#MAX_VALUE}) or, with {@code --hex}, a hex string. Returned as the same 64 bits.
     *
     * @throws BadField when the value is neither
     */
    static long unsigned(JsonNode v) {
        if (v != null && v.isIntegralNumber()) {
            BigInteger b = v.bigIntegerValue();
            if (b.signum() >= 0 && b.compareTo(TWO_TO_64) < 0) {
                return b.longValue();
            }
        } else if (v != null && v.isTextual() && v.asText().matches("[0-9a-fA-F]{1,16}")) {
            return Long.parseUnsignedLong(v.asText(), 16);
        }
        throw new BadField("expected an unsigned 64-bit integer, found " + (v == null ? "nothing" : shown(v)));
    }

    /** A non-negative integer that fits a long (terms, indexes, sizes). */
    static long count(JsonNode v) {
        if (v != null && v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
            return v.longValue();
        }
        throw new BadField("expected a non-negative integer, found " + (v == null ? "nothing" : shown(v)));
    }

    /** The strings of a JSON array field; empty when absent. */
    static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new BadField(field + " is not an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : v) {
            if (!s.isTextual()) {
                throw new BadField(field + " holds " + shown(s) + ", expected strings");
            }
            out.add(s.asText());
        }
        return out;
    }

    /** A boolean field, false when absent (Go omits false with omitempty). */
    static boolean flag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadField(field + " is " + shown(v) + ", expected true or false");
        }
        return v.booleanValue();
    }
}
