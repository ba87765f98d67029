package dev.k3slab.scenario;

import dev.k3slab.record.Verdict;

/**
 * Ends a step early with FAIL (the lab did something other than expected) or UNKNOWN (the harness
 * could not tell): thrown inside step code, turned into the step's outcome by the runner.
 */
final class StepFailure extends RuntimeException {
    private final Verdict verdict;

    private StepFailure(Verdict verdict, String message) {
        super(message, null, false, false);
        this.verdict = verdict;
    }

    static StepFailure fail(String message) {
        return new StepFailure(Verdict.FAIL, message);
    }

    static StepFailure unknown(String message) {
        return new StepFailure(Verdict.UNKNOWN, message);
    }

    Verdict verdict() {
        return verdict;
    }
}
