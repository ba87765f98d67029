package dev.k3slab.shell;

import java.util.Arrays;
import java.util.Objects;

/**
 * Reading a secret ({@link NodeShell#readSecret}) gave no exit status, one other than 0, or
 * nothing. The message names the node, the command and what went wrong, and quotes the end of
 * stderr (masked); the command's standard output is never quoted, since it may hold the secret.
 */
public final class SecretReadException extends ShellException {
    private final transient CommandResult result;

    /**
     * @param result  the masked result, its stdout withheld ({@link SecretMasker#withholdOutput})
     * @param problem what went wrong, after the command: {@code gave nothing}
     */
    public SecretReadException(CommandResult result, String problem) {
        super(Objects.requireNonNull(result, "result").node(), "reading a secret with '" + result.command() + "' "
                + problem + stderrTail(result) + (result.statusUnknown()
                ? ". Likely fix: check that the node is up and reachable, then run again"
                : ". Likely fix: check that the file or command exists on " + result.node() + " (is K3s installed there yet?)"));
        this.result = result;
    }

    /** The command ended without exit status 0. */
    public static SecretReadException failed(CommandResult result) {
        return new SecretReadException(result, result.describeStatus()
                + " (its standard output is withheld: it may hold the secret)");
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
        return "; stderr: " + String.join(" / ", Arrays.copyOfRange(lines, Math.max(0, lines.length - 3), lines.length));
    }
}
