package dev.k3slab.scenario;

import dev.k3slab.topology.Topology;
import dev.k3slab.yaml.Binder;
import dev.k3slab.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's {@code vars:} with the built-ins: a scenario that extends another starts from the
 * other's vars and overrides some. Values may reference built-ins and other vars
 * ({@code ip: ${nodes.${node}.ip}}); every value must resolve.
 */
final class ScenarioVars {

    private ScenarioVars() {
    }

    /** Built-ins plus the vars of {@code base} (may be null) overridden by those of {@code root}, all resolved. */
    static Map<String, String> resolve(YamlNode base, YamlNode root, Topology topology, Binder b) {
        Map<String, String> builtIns = BuiltInVars.of(topology);
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, YamlNode> where = new LinkedHashMap<>();
        for (YamlNode doc : new YamlNode[] {base, root}) {
            if (doc == null) {
                continue;
            }
            doc.get("vars").filter(v -> b.expectMapping(v, "vars (name: value)")).ifPresent(v -> v.entries().forEach((name, value) -> {
                if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                    b.problem(value, "a variable name is a word of letters, digits, '_' or '-'; found '" + name + "'");
                } else if (builtIns.containsKey(name) || name.equals("nodes")) {
                    b.problem(value, "'" + name + "' is a built-in variable; choose another name");
                } else {
                    b.string(value).ifPresent(text -> {
                        raw.put(name, text);
                        where.put(name, value);
                    });
                }
            }));
        }
        Map<String, String> all = new LinkedHashMap<>(builtIns);
        all.putAll(raw);
        Map<String, String> resolved = new LinkedHashMap<>(builtIns);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String value = Vars.resolve(e.getValue(), all);
            Set<String> unknown = Vars.unresolved(value);
            if (!unknown.isEmpty()) {
                b.problem(where.get(e.getKey()), "unknown variable '" + unknown.iterator().next() + "' in the value of "
                        + e.getKey() + "; vars may use the built-ins and other vars (known: " + String.join(", ", raw.keySet()) + ")");
            }
            resolved.put(e.getKey(), value);
        }
        return resolved;
    }
}
