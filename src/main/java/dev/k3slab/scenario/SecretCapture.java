package dev.k3slab.scenario;

import dev.k3slab.shell.SecretReadException;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads a secret (the node token) into a run variable through {@link dev.k3slab.shell.NodeShell#readSecret}:
 * the shell hands the value back in clear and has masked it everywhere from then on; the step's
 * record keeps {@code ********} instead of the output.
 */
final class SecretCapture {

    private SecretCapture() {
    }

    static String capture(LabSession lab, Commands commands, RunState run, Step.Run s, String scenario) {
        String command = commands.resolve(s.command());
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String value;
        try {
            value = lab.shell(s.on()).readSecret(command, s.timeout());
        } catch (SecretReadException e) {
            commands.record(e.result());
            throw e.result().statusUnknown() ? StepFailure.unknown(e.getMessage()) : StepFailure.fail(e.getMessage());
        }
        // The shell registered the value with its masker, which should be the session's; registering
        // again costs nothing and keeps the records masked should a shell have been given another one.
        lab.masker().register(value);
        commands.recordSecret(s.on(), command, started, Duration.ofNanos(System.nanoTime() - t0), s.capture());
        if (value.isEmpty()) {
            throw StepFailure.fail("'" + lab.masker().mask(command) + "' on " + s.on() + " printed nothing to capture as "
                    + s.capture());
        }
        run.capture(s.capture(), value, scenario);
        return "exited 0; captured " + s.capture() + " (a secret, masked from now on)";
    }
}
