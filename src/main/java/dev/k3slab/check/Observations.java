package dev.k3slab.check;

import java.util.Optional;

/** The observations a run has made so far, by the name a scenario gave them. */
@FunctionalInterface
public interface Observations {

    /**
     * The observation called {@code name}; empty when it was not made in this run (for instance in
     * an experiment that was restored from a checkpoint instead of run).
     */
    Optional<Observed> find(String name);
}
