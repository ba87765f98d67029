package dev.k3slab.topology;

import java.util.List;

/**
 * What the binder could read from a topology file, before the lab rules are checked. A field is
 * null where the file had a problem (already reported by the binder), so that the validator can
 * still check everything else and the user sees every problem at once; {@code nodes} is null when
 * there is no list of nodes at all, empty when the list is empty.
 */
record TopologyDraft(String box, String networkPrefix, boolean customRangeAllowed, String k3sVersion,
                     String etcdctlVersion, String vmNamePrefix, List<NodeDraft> nodes) {

    TopologyDraft {
        nodes = nodes == null ? null : List.copyOf(nodes);
    }

    /** One item of {@code nodes}; {@code index} is its position in the file's list. */
    record NodeDraft(int index, String name, String ip, Role role, Integer cpus, Integer memoryMb) {
        String path(String field) {
            return "nodes[" + index + "]." + field;
        }

        boolean complete() {
            return name != null && ip != null && role != null && cpus != null && memoryMb != null;
        }
    }

    boolean complete() {
        return box != null && networkPrefix != null && k3sVersion != null && etcdctlVersion != null
                && vmNamePrefix != null && nodes != null && nodes.stream().allMatch(NodeDraft::complete);
    }

    /** The topology; only for a complete draft that the validator accepted. */
    Topology toTopology() {
        if (!complete()) {
            throw new IllegalStateException("incomplete topology draft: " + this);
        }
        return new Topology(box, networkPrefix, k3sVersion, etcdctlVersion, vmNamePrefix,
                nodes.stream().map(n -> new LabNode(n.name(), n.ip(), n.role(), n.cpus(), n.memoryMb())).toList());
    }
}
