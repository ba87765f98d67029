package dev.k3slab.record;

import java.time.Instant;
import java.util.List;

/**
 * One experiment (scenario) as it ran.
 *
 * @param id                     e.g. {@code 4b}
 * @param title                  the scenario's title
 * @param file                   the scenario file
 * @param verdict                PASS, FAIL or UNKNOWN over all its checks and steps
 * @param started                wall-clock start
 * @param tookMillis             wall-clock duration
 * @param labMillis              duration on the lab's clock (emulated on the emulated lab)
 * @param restoredFromCheckpoint the checkpoint it started from instead of replaying, or null
 * @param steps                  the steps as they ran
 * @param observations           what was observed
 * @param checks                 the checks with verdicts
 * @param splitBrain             the 4a/4b/4c comparison row, or null when the scenario declares none
 * @param bootCases              boot-matrix cells this experiment observed
 * @param evidence               files of evidence collected on failure (relative to the run folder)
 */
public record ExperimentRecord(String id, String title, String file, Verdict verdict, Instant started,
                               long tookMillis, long labMillis, String restoredFromCheckpoint, List<StepRecord> steps,
                               List<ObservationRecord> observations, List<CheckRecord> checks,
                               SplitBrainRecord splitBrain, List<BootCaseRecord> bootCases, List<String> evidence) {
    public ExperimentRecord {
        steps = List.copyOf(steps);
        observations = List.copyOf(observations);
        checks = List.copyOf(checks);
        bootCases = List.copyOf(bootCases);
        evidence = List.copyOf(evidence);
    }
}
