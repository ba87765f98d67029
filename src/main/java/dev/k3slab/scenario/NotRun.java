package dev.k3slab.scenario;

import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.Verdict;
import java.util.List;
import java.util.Optional;

/** Check records for what was not evaluated: UNKNOWN, with the reason. */
final class NotRun {
    private NotRun() {
    }

    /** Every check an experiment states, not evaluated because of {@code why}. */
    static List<CheckRecord> checks(Scenario s, String why) {
        return s.steps().stream().map(step -> check(step, why)).flatMap(Optional::stream).toList();
    }

    /** The record of a judging step not evaluated; empty for other steps (and a boot case that expects nothing). */
    static Optional<CheckRecord> check(Step step, String why) {
        String relation = step instanceof Step.Check c ? c.spec().describe() : step instanceof Step.Verdict ? "split-brain"
                : step instanceof Step.BootCase b && b.spec().expected() != null ? "boot-case " + b.spec().command().word() : null;
        return Optional.ofNullable(relation).map(r -> new CheckRecord(step.name(), r, "", "not evaluated: " + why,
                Verdict.UNKNOWN, null, "not evaluated: " + why));
    }
}
