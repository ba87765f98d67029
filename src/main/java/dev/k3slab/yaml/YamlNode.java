package dev.k3slab.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** This node and every node below it, depth first in file order. */
    public Stream<YamlNode> descendants() {
        Stream<YamlNode> children = switch (kind) {
            case MAPPING -> entries.values().stream();
            case SEQUENCE -> items.stream();
            default -> Stream.empty();
        };
        return Stream.concat(Stream.of(this), children.flatMap(YamlNode::descendants));
    }

    /**
     * The line of the node at {@code path} (a full path as {@link #path()} gives it), searched at
     * and below this node. When that node is absent (a missing key, say), the line of its nearest
     * ancestor that is present, so a problem about it still points somewhere useful.
     */
    public int lineOf(String path) {
        for (String p = path; ; p = parentPath(p)) {
            String wanted = p;
            var found = descendants().filter(n -> n.path.equals(wanted)).findFirst();
            if (found.isPresent()) {
                return found.get().line;
            }
            if (p.isEmpty()) {
                return line;
            }
        }
    }

    /** A problem about the node at {@code path} below this one, placed by {@link #lineOf(String)}. */
    public YamlProblem problemAt(String path, String message) {
        return new YamlProblem(file, lineOf(path), path, message);
    }

    /** {@code nodes[2].ip} -> {@code nodes[2]} -> {@code nodes} -> the root's empty path. */
    static String parentPath(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
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
