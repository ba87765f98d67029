package dev.k3slab.record;

import java.time.Instant;
import java.util.List;

/**
 * One step of an experiment as it ran.
 *
 * @param index      0-based position in the scenario
 * @param name       the step's name (a sentence)
 * @param kind       run, background, reboot, edit-unit, wait, hold, observe, monitor, ...
 * @param node       the node it acted on, or null
 * @param started    wall-clock start
 * @param tookMillis wall-clock duration
 * @param labStarted the lab's clock at start (the emulated clock on the emulated lab, else wall clock)
 * @param labMillis  duration on the lab's clock
 * @param outcome    PASS when the step did what it should, FAIL/UNKNOWN otherwise
 * @param message    what happened, for a failed or unknown step the evidence; may be empty
 * @param commands   the commands it ran
 */
public record StepRecord(int index, String name, String kind, String node, Instant started, long tookMillis,
                         Instant labStarted, long labMillis, Verdict outcome, String message,
                         List<CommandRecord> commands) {
    public StepRecord {
        commands = List.copyOf(commands);
    }
}
