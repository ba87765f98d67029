package dev.k3slab.shell;

import java.util.Objects;

/**
 * Reading a secret ({@link NodeShell#readSecret}) gave no exit status, or one other than 0. The
 * message names the node, the command and the status, and quotes the end of stderr (masked); the
 * command's standard output is never quoted, since it may hold the secret.
 */
public final class SecretReadException extends ShellException {
    private final transient CommandResult result;

    /** @param result the masked result, its stdout withheld ({@link SecretMasker#withholdOutput}) */
    public SecretReadException(CommandResult result) {
        super(Objects.requireNonNull(result, "result").node(), "reading a secret with '" + result.command() + "' "
                + result.describeStatus() + " (its standard output is withheld: it may hold the secret)" + stderrTail(result)
                + (result.statusUnknown() ? ". Likely fix: check that the node is up and run again"
                : ". Likely fix: check that the file or command exists on the node and that K3s has written it"));
        this.result = result;
    }

    /** The masked result, its standard output withheld: what the listeners heard. */
    public CommandResult result() {
        return result;
    }

    private static String stderrTail(CommandResult r) {
        String err = r.stderr().strip();
        if (err.isEmpty()) {
            return "";
        }
        String[] lines = err.split("\n");
        return "; stderr: " + String.join(" / ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 3), lines.length));
    }
}
