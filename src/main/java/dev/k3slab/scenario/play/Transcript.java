package dev.k3slab.scenario.play;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The commands of a play in the order they were sent. Immutable.
 *
 * @param entries every command, in order
 */
public record Transcript(List<Played> entries) {

    public Transcript {
        entries = List.copyOf(entries);
    }

    /** The one command named {@code step} on {@code node}; throws naming what there is when there is none or more than one. */
    public Played get(String node, String step) {
        List<Played> found = entries.stream().filter(p -> p.node().equals(node) && p.step().equals(step)).toList();
        if (found.size() != 1) {
            throw new NoSuchElementException((found.isEmpty() ? "no" : found.size()) + " step '" + step + "' on " + node
                    + " in this transcript; its steps: " + entries.stream().map(p -> p.node() + ": " + p.step()).distinct().toList());
        }
        return found.get(0);
    }

    /** The commands of one kind, in order. */
    public List<Played> of(Played.Kind kind) {
        return entries.stream().filter(p -> p.kind() == kind).toList();
    }

    /** The commands of one experiment ({@code 1} ... {@code 5c}), in order. */
    public Transcript experiment(String experiment) {
        return new Transcript(entries.stream().filter(p -> p.experiment().equals(experiment)).toList());
    }
}
