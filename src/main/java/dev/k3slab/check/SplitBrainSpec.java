package dev.k3slab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The split-brain verdict a scenario asks for: does {@code node}, seen from inside, belong to the
 * cluster seen from outside?
 *
 * @param name       the verdict's sentence
 * @param node       the returning node, e.g. cp-3
 * @param inside     a nodes observation from the returning node
 * @param outside    a nodes observation from a node of the original cluster
 * @param before     a nodes observation from before the node went away (for AGE kept/new), or null
 * @param layout     a layout observation on the returning node, or null
 * @param expected   whether split brain is expected
 * @param prediction what the K3s model predicts, or null
 */
public record SplitBrainSpec(String name, String node, String inside, String outside, String before, String layout,
                             boolean expected, String prediction) {
    public SplitBrainSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(inside, "inside");
        Objects.requireNonNull(outside, "outside");
    }

    /** The observations it reads: inside and outside (nodes), before (nodes) and layout when given. */
    public List<String> references() {
        List<String> refs = new ArrayList<>(List.of(inside, outside));
        if (before != null) {
            refs.add(before);
        }
        if (layout != null) {
            refs.add(layout);
        }
        return refs;
    }
}
