package dev.k3slab.record;

/**
 * The three outcomes of a check, a step or an experiment. UNKNOWN means the harness or a probe
 * broke (no exit status, unreadable output, a machine that did not come up): it is never folded
 * into FAIL, which means the cluster did something other than expected.
 */
public enum Verdict {
    PASS, FAIL, UNKNOWN;

    /** The worse of two verdicts: UNKNOWN over FAIL over PASS. */
    public Verdict and(Verdict other) {
        if (this == UNKNOWN || other == UNKNOWN) {
            return UNKNOWN;
        }
        return this == FAIL || other == FAIL ? FAIL : PASS;
    }
}
