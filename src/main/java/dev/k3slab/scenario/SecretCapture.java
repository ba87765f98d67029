package dev.k3slab.scenario;

import dev.k3slab.shell.CommandResult;

/**
 * Reads a secret (the node token) into a run variable. The shells mask anything token-shaped
 * before a result leaves them, so the command's output travels spaced out
 * ({@code sh -c '<command>' | sed 's/./& /g'}:
 * {@code K10ab} arrives as {@code K 1 0 a b}) and is joined again here. The value is registered with
 * the secret masker at once, and the step's record keeps {@code ********} instead of the output.
 */
final class SecretCapture {
    static final String SPACE_OUT = " | sed 's/./& /g'";

    private SecretCapture() {
    }

    static String capture(LabSession lab, Commands commands, RunState run, Step.Run s, String scenario) {
        String command = commands.resolve(s.command());
        CommandResult r = lab.shell(s.on()).run("sh -c '" + command.replace("'", "'\"'\"'") + "'" + SPACE_OUT, s.timeout());
        String value = join(r.stdout());
        lab.masker().register(value);
        commands.recordSecret(r, s.capture());
        ActionSteps.expect(new CommandResult(r.node(), command, r.exitStatus(), "", lab.masker().mask(r.stderr()),
                r.started(), r.took()), s);
        if (value.isEmpty()) {
            throw StepFailure.fail("'" + command + "' on " + s.on() + " printed nothing to capture as " + s.capture());
        }
        run.capture(s.capture(), value, scenario);
        return r.describeStatus() + "; captured " + s.capture() + " (a secret, masked from now on)";
    }

    /** Undoes the spacing: every second character of each line, lines joined, surrounding blanks removed. */
    static String join(String spaced) {
        StringBuilder out = new StringBuilder();
        for (String line : spaced.split("\n", -1)) {
            StringBuilder l = new StringBuilder();
            for (int i = 0; i < line.length(); i += 2) {
                l.append(line.charAt(i));
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(l);
        }
        return out.toString().strip();
    }
}
