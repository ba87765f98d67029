package dev.k3slab.scenario;

import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.SecretReadException;

/**
 * Reads a secret (the node token) into a run variable through {@link NodeShell#readSecret}: the
 * shell hands the value back in clear and has masked it everywhere from then on; the step's record
 * keeps {@code ********} instead of the output. A read without exit status is UNKNOWN; one that
 * exited non-zero or printed nothing is a FAIL.
 */
final class SecretCapture {

    private SecretCapture() {
    }

    static String capture(LabSession lab, Commands commands, RunState run, Step.Run s, String scenario) {
        String command = commands.resolve(s.command());
        NodeShell.Secret secret;
        try {
            secret = lab.shell(s.on()).readSecret(command, s.timeout());
        } catch (SecretReadException e) {
            commands.record(e.result());
            throw e.result().statusUnknown() ? StepFailure.unknown(e.getMessage()) : StepFailure.fail(e.getMessage());
        }
        // The shell registered the value with its masker, which should be the session's; registering
        // again costs nothing and keeps the records masked should a shell have been given another one.
        lab.masker().register(secret.value());
        commands.recordSecret(secret.result(), s.capture());
        run.capture(s.capture(), secret.value(), scenario);
        return secret.result().describeStatus() + "; captured " + s.capture() + " (a secret, masked from now on)";
    }
}
