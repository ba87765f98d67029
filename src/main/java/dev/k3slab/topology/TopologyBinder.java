package dev.k3slab.topology;

import dev.k3slab.topology.TopologyDraft.NodeDraft;
import dev.k3slab.yaml.Binder;
import dev.k3slab.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Binds the YAML of a topology file strictly into a {@link TopologyDraft}: unknown keys, missing keys and wrong shapes are problems. */
final class TopologyBinder {
    /** Far above anything a laptop lab needs; catches a value typed in the wrong unit (e.g. bytes). */
    static final int MAX_CPUS = 64;
    static final int MAX_MEMORY_MB = 262_144;

    private final Binder binder;

    TopologyBinder(Binder binder) {
        this.binder = binder;
    }

    /** The draft, or null when the document is not a mapping at all. */
    TopologyDraft bind(YamlNode root) {
        if (!binder.expectMapping(root, "the lab topology")) {
            return null;
        }
        binder.allowOnly(root, List.of("box", "vm-name-prefix", "network", "k3s", "etcdctl", "nodes"));
        String box = binder.string(root, "box", true).orElse(null);
        String vmNamePrefix = binder.string(root, "vm-name-prefix", true).orElse(null);

        String prefix = null;
        boolean customRange = false;
        YamlNode network = section(root, "network", Set.of("prefix", "allowed-in-networks-conf"));
        if (network != null) {
            prefix = binder.string(network, "prefix", true).orElse(null);
            customRange = binder.bool(network, "allowed-in-networks-conf", false).orElse(false);
        }
        String k3sVersion = version(root, "k3s");
        String etcdctlVersion = version(root, "etcdctl");

        return new TopologyDraft(box, prefix, customRange, k3sVersion, etcdctlVersion, vmNamePrefix, nodes(root));
    }

    /** The node drafts, or null when there is no list of nodes (reported), as opposed to an empty one. */
    private List<NodeDraft> nodes(YamlNode root) {
        YamlNode list = binder.field(root, "nodes", true).orElse(null);
        if (list == null) {
            return null;
        }
        if (!list.isSequence()) {
            binder.problem(list, "expected a list of nodes, found " + list.describe());
            return null;
        }
        List<NodeDraft> nodes = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            nodes.add(node(i, list.items().get(i)));
        }
        return nodes;
    }

    private String version(YamlNode root, String key) {
        YamlNode section = section(root, key, Set.of("version"));
        return section == null ? null : binder.string(section, "version", true).orElse(null);
    }

    /** A required sub-mapping with the given keys, or null when it is missing or not a mapping (reported). */
    private YamlNode section(YamlNode root, String key, Set<String> keys) {
        YamlNode section = binder.field(root, key, true).orElse(null);
        if (section == null || !binder.expectMapping(section, "'" + key + "' settings")) {
            return null;
        }
        binder.allowOnly(section, keys);
        return section;
    }

    private NodeDraft node(int index, YamlNode item) {
        if (!binder.expectMapping(item, "a node (name, ip, role, cpus, memory)")) {
            return new NodeDraft(index, null, null, null, null, null);
        }
        binder.allowOnly(item, List.of("name", "ip", "role", "cpus", "memory"));
        return new NodeDraft(index,
                binder.string(item, "name", true).orElse(null),
                binder.string(item, "ip", true).orElse(null),
                binder.enumValue(item, "role", true, Role.class).orElse(null),
                binder.integer(item, "cpus", true, 1, MAX_CPUS).orElse(null),
                binder.integer(item, "memory", true, 1, MAX_MEMORY_MB).orElse(null));
    }
}
