package dev.k3slab.check;

import dev.k3slab.record.Verdict;

/**
 * The result of testing one relation: a verdict with what was expected and what was seen.
 *
 * @param verdict  PASS, FAIL or UNKNOWN
 * @param expected what the relation expects, in words
 * @param observed what was seen, in words with values quoted
 */
public record Outcome(Verdict verdict, String expected, String observed) {

    /** PASS when {@code holds}, FAIL otherwise. */
    public static Outcome of(boolean holds, String expected, String observed) {
        return new Outcome(holds ? Verdict.PASS : Verdict.FAIL, expected, observed);
    }

    public static Outcome unknown(String expected, String why) {
        return new Outcome(Verdict.UNKNOWN, expected, why);
    }
}
