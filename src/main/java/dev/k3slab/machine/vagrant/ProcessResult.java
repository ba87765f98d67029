package dev.k3slab.machine.vagrant;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * How one local process ended.
 *
 * @param command  the command line, for messages
 * @param exitCode the exit code, or empty when the process was ended on timeout or could not start
 * @param stdout   standard output, line by line
 * @param stderr   standard error, line by line
 * @param timedOut true when the process (tree) was ended because its timeout passed
 * @param took     how long it ran
 */
public record ProcessResult(String command, OptionalInt exitCode, List<String> stdout, List<String> stderr,
                            boolean timedOut, Duration took) {
    public ProcessResult {
        stdout = List.copyOf(stdout);
        stderr = List.copyOf(stderr);
    }

    public boolean succeeded() {
        return exitCode.isPresent() && exitCode.getAsInt() == 0 && !timedOut;
    }

    /** All of standard output as one text. */
    public String stdoutText() {
        return String.join("\n", stdout);
    }

    /** "exit status 1", "ended after the timeout of PT5M", for messages. */
    public String describeExit() {
        if (timedOut) {
            return "ended after its timeout of " + took.toSeconds() + " s (process tree killed)";
        }
        return exitCode.isPresent() ? "exit status " + exitCode.getAsInt() : "did not start";
    }
}
