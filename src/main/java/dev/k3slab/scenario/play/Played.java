package dev.k3slab.scenario.play;

import dev.k3slab.shell.CommandResult;

import java.time.Instant;
import java.util.Objects;

/**
 * One command the play sent over SSH, with what came back (secrets masked) and the lab time it
 * was sent at.
 *
 * @param experiment {@code 1}, {@code 2}, {@code 3a} ... {@code 5c}
 * @param node       the node it ran on
 * @param step       a short name, unique within the experiment and node, e.g. {@code ls db}
 * @param kind       whether the source gives this command, or the play added it (and why)
 * @param result     what came back
 * @param labTime    the lab clock when the command was sent
 */
public record Played(String experiment, String node, String step, Kind kind, CommandResult result, Instant labTime) {

    /** Where a command comes from. */
    public enum Kind {
        /** A command of the source write-up, as it gives it. */
        SOURCE,
        /** One pass of the source's monitor loop on cp-1 (its body; the loop itself is the play's). */
        MONITOR,
        /** A poll of the play's own, while the source waited (for Ready, for NotReady). */
        WAIT,
        /** Not in the source: an observation the source states without showing its command, or what happened off-screen. */
        EXTRA
    }

    public Played {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(labTime, "labTime");
    }

    /** The command's standard output. */
    public String out() {
        return result.stdout();
    }
}
