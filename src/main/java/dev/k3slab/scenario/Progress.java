package dev.k3slab.scenario;

import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.StepRecord;
import java.time.Duration;

/**
 * Hears what the engine is doing, for the console and tests. Called on the engine's thread, in
 * order; implementations must be quick and must not throw.
 */
public interface Progress {

    /** Ignores everything. */
    Progress NONE = new Progress() {
    };

    /** Something the reader must know about the run as a whole ("starting at 4b from checkpoint after-4a"). */
    default void note(String line) {
    }

    default void experimentStarted(Scenario scenario) {
    }

    default void stepStarted(Scenario scenario, Step step) {
    }

    default void stepFinished(Scenario scenario, Step step, StepRecord record) {
    }

    /** A wait has polled: how long it has waited on the lab's clock, against its bound, and what it saw last. */
    default void waiting(Scenario scenario, Step step, Duration waited, Duration bound, String lastSeen) {
    }

    default void experimentFinished(ExperimentRecord record) {
    }
}
