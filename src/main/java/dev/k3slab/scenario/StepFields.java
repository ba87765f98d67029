package dev.k3slab.scenario;

import dev.k3slab.topology.Topology;
import dev.k3slab.yaml.Binder;
import dev.k3slab.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of one scenario's steps: texts with static variables substituted, node names
 * checked against the topology, durations. Problems are collected in the {@link Binder}; commands
 * may keep references to run variables, which are remembered for validation across scenarios.
 */
final class StepFields {

    /** A reference to a run variable in a command: validated once every scenario is known. */
    record RunVarRef(String scenario, String name, String file, int line, String path) {
    }

    private final String scenario;
    private final Binder binder;
    private final Topology topology;
    private final Map<String, String> vars;
    private final List<RunVarRef> runVarRefs = new ArrayList<>();

    StepFields(String scenario, Binder binder, Topology topology, Map<String, String> vars) {
        this.scenario = scenario;
        this.binder = binder;
        this.topology = topology;
        this.vars = vars;
    }

    Binder binder() {
        return binder;
    }

    List<RunVarRef> runVarRefs() {
        return runVarRefs;
    }

    /** A text with every variable substituted; a reference with no value is a problem. */
    Optional<String> text(YamlNode map, String key, boolean required) {
        return binder.field(map, key, required).flatMap(this::text);
    }

    Optional<String> text(YamlNode node) {
        Optional<String> raw = binder.string(node);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = Vars.resolve(raw.get(), vars);
        Set<String> unknown = Vars.unresolved(value);
        if (!unknown.isEmpty()) {
            binder.problem(node, "unknown variable '" + unknown.iterator().next() + "'; this field takes only the"
                    + " scenario's vars and the built-ins (${nodes.<node>.ip}, ${k3s.version}, ${etcdctl}, ${db})");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A command: static variables substituted, run variables (captured by earlier steps) kept for later. */
    Optional<String> command(YamlNode map, String key) {
        Optional<YamlNode> node = binder.field(map, key, true);
        Optional<String> raw = node.flatMap(binder::string);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = Vars.resolve(raw.get(), vars);
        for (String name : Vars.unresolved(value)) {
            runVarRefs.add(new RunVarRef(scenario, name, node.get().file(), node.get().line(), node.get().path()));
        }
        if (value.isBlank()) {
            binder.problem(node.get(), "the command is empty");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A node of the topology. */
    Optional<String> node(YamlNode map, String key, boolean required) {
        return binder.field(map, key, required).flatMap(this::node);
    }

    Optional<String> node(YamlNode n) {
        Optional<String> name = text(n);
        if (name.isPresent() && unknownNode(name.get())) {
            binder.problem(n, "unknown node '" + name.get() + "'; nodes of the topology: " + String.join(", ", nodeNames()));
            return Optional.empty();
        }
        return name;
    }

    boolean unknownNode(String name) {
        return topology.find(name).isEmpty();
    }

    List<String> nodeNames() {
        return topology.names();
    }

    /** A duration, or {@code fallback} when the key is absent. */
    Optional<Duration> duration(YamlNode map, String key, Duration fallback) {
        Optional<YamlNode> n = binder.field(map, key, fallback == null);
        if (n.isEmpty()) {
            return Optional.ofNullable(fallback);
        }
        Optional<String> t = text(n.get());
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = Durations.parse(t.get());
        if (d.isEmpty()) {
            binder.problem(n.get(), "expected " + Durations.FORMAT + ", found '" + t.get() + "'");
        }
        return d;
    }

    /** A list of texts (a YAML list, or one comma-separated text). */
    Optional<List<String>> texts(YamlNode map, String key, boolean required) {
        Optional<YamlNode> n = binder.field(map, key, required);
        if (n.isEmpty()) {
            return Optional.of(List.of());
        }
        List<String> out = new ArrayList<>();
        if (n.get().isSequence()) {
            for (YamlNode item : n.get().items()) {
                Optional<String> t = text(item);
                if (t.isEmpty()) {
                    return Optional.empty();
                }
                out.add(t.get());
            }
        } else {
            Optional<String> t = text(n.get());
            if (t.isEmpty()) {
                return Optional.empty();
            }
            for (String part : t.get().split(",")) {
                out.add(part.trim());
            }
        }
        if (out.isEmpty() && required) {
            binder.problem(n.get(), "expected at least one name");
            return Optional.empty();
        }
        return Optional.of(out);
    }
}
