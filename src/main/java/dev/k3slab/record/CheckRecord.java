package dev.k3slab.record;

/**
 * One check: a relation the scenario expects, what was observed, and the verdict.
 *
 * @param name       a sentence, e.g. "cp-3 keeps its AGE seen from cp-1"
 * @param relation   the relation, e.g. {@code age-kept}, {@code term-equal}, {@code layout sqlite}
 * @param expected   what was expected, in words
 * @param observed   what was observed, in words (values quoted)
 * @param verdict    PASS, FAIL or UNKNOWN
 * @param prediction what the K3s model (reference notes) predicts here, or null when it makes none
 * @param evidence   for FAIL/UNKNOWN: the commands, outputs and observations behind it; may be empty
 */
public record CheckRecord(String name, String relation, String expected, String observed, Verdict verdict,
                          String prediction, String evidence) {
}
