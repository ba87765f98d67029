package dev.k3slab.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of a parsed YAML document that knows where it stands: its file, line and YAML path.
 * Immutable. Mapping keys keep their order; scalars keep their text as written (no type guessing,
 * so {@code 0755} or {@code yes} are never silently converted).
 */
public final class YamlNode {

    /** What kind of node this is. */
    public enum Kind { MAPPING, SEQUENCE, SCALAR, NULL }

    private final String file;
    private final String path;
    private final int line;
    private final Kind kind;
    private final String scalar;
    private final List<YamlNode> items;
    private final Map<String, YamlNode> entries;
    private final Map<String, Integer> keyLines;

    YamlNode(String file, String path, int line, Kind kind, String scalar, List<YamlNode> items,
             Map<String, YamlNode> entries, Map<String, Integer> keyLines) {
        this.file = file;
        this.path = path;
        this.line = line;
        this.kind = kind;
        this.scalar = scalar;
        this.items = items == null ? List.of() : List.copyOf(items);
        this.entries = entries == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.keyLines = keyLines == null ? Map.of() : Map.copyOf(keyLines);
    }

    public String file() {
        return file;
    }

    /** YAML path such as {@code steps[3].run}; empty for the root. */
    public String path() {
        return path;
    }

    /** 1-based line where this node starts. */
    public int line() {
        return line;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMapping() {
        return kind == Kind.MAPPING;
    }

    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The scalar's text as written; null unless {@link #isScalar()}. */
    public String scalar() {
        return scalar;
    }

    /** The items of a sequence, empty otherwise. */
    public List<YamlNode> items() {
        return items;
    }

    /** The entries of a mapping in file order, empty otherwise. */
    public Map<String, YamlNode> entries() {
        return entries;
    }

    /** The value under {@code key} of a mapping. */
    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The line of a mapping key (where an unknown key should be reported); the node's line if absent. */
    public int keyLine(String key) {
        return keyLines.getOrDefault(key, line);
    }

    /** The path of a child under {@code key} of this mapping. */
    public String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A problem placed at this node. */
    public YamlProblem problem(String message) {
        return new YamlProblem(file, line, path, message);
    }

    /** A short description for messages: "a mapping", "a list", "'abc'", "nothing". */
    public String describe() {
        return switch (kind) {
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            case SCALAR -> "'" + scalar + "'";
            case NULL -> "nothing";
        };
    }
}
