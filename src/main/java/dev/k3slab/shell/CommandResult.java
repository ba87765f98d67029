package dev.k3slab.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What one command did on one node. Immutable. Secrets are already masked in {@code command},
 * {@code stdout} and {@code stderr} when a result leaves the shell.
 *
 * <p>{@code exitStatus} is empty when no exit status was received (the connection dropped, the
 * node rebooted under the command, the process was killed by a signal): that is not a failure
 * of the command, it is an unknown outcome, and callers must keep the two apart.
 *
 * @param node       lab node name
 * @param command    the command as the caller gave it (masked)
 * @param exitStatus the remote exit status, or empty when none was received
 * @param stdout     standard output (masked)
 * @param stderr     standard error (masked)
 * @param started    when the command was sent, by the wall clock
 * @param took       how long until the result was complete
 */
public record CommandResult(String node, String command, OptionalInt exitStatus, String stdout,
                            String stderr, Instant started, Duration took) {

    public CommandResult {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(exitStatus, "exitStatus");
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(took, "took");
    }

    /** True only when an exit status of 0 was received. */
    public boolean succeeded() {
        return exitStatus.isPresent() && exitStatus.getAsInt() == 0;
    }

    /** True when the command ran to the end and said it failed (a status other than 0 was received). */
    public boolean failed() {
        return exitStatus.isPresent() && exitStatus.getAsInt() != 0;
    }

    /** True when no exit status was received: the outcome is unknown. */
    public boolean statusUnknown() {
        return exitStatus.isEmpty();
    }

    /** "exited 3" or "no exit status received", for messages. */
    public String describeStatus() {
        return exitStatus.isPresent() ? "exited " + exitStatus.getAsInt() : "no exit status received";
    }
}
