package dev.k3slab.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML document into {@link YamlNode}s that keep line numbers and paths, so that
 * binders can report every problem as {@code file:line: path: message}. Duplicate keys, non-scalar
 * keys and syntax errors are problems too.
 */
public final class YamlReader {

    private YamlReader() {
    }

    /**
     * Parses {@code text}. Syntax problems and duplicate keys are added to {@code problems}; the
     * result is empty only when the text could not be read at all.
     *
     * @param file how to name the file in messages
     */
    public static java.util.Optional<YamlNode> read(String file, String text, List<YamlProblem> problems) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported below, with both lines
            options.setMaxAliasesForCollections(20);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new YamlProblem(file, line, "", "not valid YAML: " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")")));
            return java.util.Optional.empty();
        } catch (YAMLException e) {
            problems.add(new YamlProblem(file, 0, "", "not valid YAML: " + e.getMessage()));
            return java.util.Optional.empty();
        }
        if (root == null) {
            problems.add(new YamlProblem(file, 1, "", "the file is empty"));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(convert(file, "", root, problems));
    }

    private static YamlNode convert(String file, String path, Node node, List<YamlProblem> problems) {
        int line = node.getStartMark().getLine() + 1;
        if (node instanceof ScalarNode s) {
            if (s.getTag().equals(Tag.NULL)) {
                return new YamlNode(file, path, line, YamlNode.Kind.NULL, null, null, null, null);
            }
            return new YamlNode(file, path, line, YamlNode.Kind.SCALAR, s.getValue(), null, null, null);
        }
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            List<Node> values = seq.getValue();
            for (int i = 0; i < values.size(); i++) {
                items.add(convert(file, path + "[" + i + "]", values.get(i), problems));
            }
            return new YamlNode(file, path, line, YamlNode.Kind.SEQUENCE, null, items, null, null);
        }
        MappingNode map = (MappingNode) node;
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            int keyLine = t.getKeyNode().getStartMark().getLine() + 1;
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problems.add(new YamlProblem(file, keyLine, path, "keys must be plain words, not lists or mappings"));
                continue;
            }
            String k = key.getValue();
            String childPath = path.isEmpty() ? k : path + "." + k;
            if (entries.containsKey(k)) {
                problems.add(new YamlProblem(file, keyLine, childPath,
                        "duplicate key '" + k + "' (first at line " + keyLines.get(k) + ")"));
                continue;
            }
            keyLines.put(k, keyLine);
            entries.put(k, convert(file, childPath, t.getValueNode(), problems));
        }
        return new YamlNode(file, path, line, YamlNode.Kind.MAPPING, null, null, entries, keyLines);
    }
}
