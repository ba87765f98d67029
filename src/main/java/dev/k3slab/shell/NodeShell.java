package dev.k3slab.shell;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A root shell on one lab node. Implementations: the sshj shell (used for both the Vagrant VMs
 * and the emulated lab). One connection per node, reused across commands.
 *
 * <p>Contract: commands run as root (the SSH implementation wraps them in
 * {@code sudo -n sh -c '<command>'}); {@link #run} never throws for a non-zero exit status, only
 * when the command could not be sent at all; it throws {@link ShellException} then, naming the
 * node and the command. A command is never re-sent after it may have started. Not thread-safe for
 * concurrent {@link #run} calls on one instance unless the implementation says so.
 */
public interface NodeShell extends AutoCloseable {

    /** The lab node this shell reaches. */
    String node();

    /**
     * Runs {@code command} (a POSIX shell command line) as root and waits for it.
     *
     * @param timeout how long to wait for the exit status; when it passes, the result has no exit
     *                status and stdout/stderr hold what arrived until then
     */
    CommandResult run(String command, Duration timeout);

    /**
     * Runs {@code command} as root like {@link #run} and hands back what it printed, stripped, in
     * clear, as a secret (the node token the joining nodes need). Results are masked when they
     * leave a shell, so {@link #run} can never give a token back; this can.
     *
     * <p>Contract: the value is registered with the shell's {@link SecretMasker} before this method
     * returns and before any listener hears of the command, so the log, the records and every later
     * command and output show it masked. Listeners, and the returned {@link Secret#result}, get the
     * result masked with its stdout withheld ({@link SecretMasker#withholdOutput}): the value never
     * reaches a {@link CommandListener}, a log or a record.
     *
     * <p>The default serves shells that do not mask their output (test doubles): it runs the
     * command and refuses a masked output rather than hand back {@link SecretMasker#MASK}.
     *
     * @return the value and the command's result (masked, stdout withheld)
     * @throws SecretReadException when no exit status, or one other than 0, is received, or the
     *                             command printed nothing; it names the node and the command and
     *                             never quotes the output
     * @throws ShellException      when the command could not be sent at all
     */
    default Secret readSecret(String command, Duration timeout) {
        CommandResult r = run(command, timeout);
        String value = r.stdout().strip();
        CommandResult shown = new SecretMasker().withholdOutput(r);
        if (!r.succeeded()) {
            throw SecretReadException.failed(shown);
        }
        if (value.isEmpty() || value.contains(SecretMasker.MASK)) {
            throw new SecretReadException(shown, value.isEmpty() ? "gave nothing" : "gave only its masked form"
                    + " (implement readSecret in this shell: it masks its results)");
        }
        return new Secret(value, shown);
    }

    /**
     * Starts {@code command} in the background so that it outlives the SSH session (the
     * experiments' {@code k3s server ... &}). Its stdout and stderr go to {@code logFile} on the
     * node. The SSH implementation sends
     * {@code sudo -n sh -c 'nohup sh -c '"'"'<command>'"'"' > <logFile> 2>&1 < /dev/null & echo $!'}
     * and returns the process id it printed.
     */
    BackgroundProcess startBackground(String command, String logFile, Duration timeout);

    /** Copies a local file to {@code remotePath} on the node (as root, mode kept). */
    void upload(Path local, String remotePath);

    /** Drops the connection, if any, and connects again (after a reboot of the node). */
    void reconnect(Duration timeout);

    @Override
    void close();

    /**
     * A secret read by {@link #readSecret}: its value in clear, and the command's result as the
     * shell's listener heard it (masked). {@code toString} never shows the value.
     */
    record Secret(String value, CommandResult result) {
        @Override
        public String toString() {
            return "Secret[value=" + SecretMasker.MASK + ", result=" + result + "]";
        }
    }

    /** A process started by {@link #startBackground}. */
    record BackgroundProcess(String node, String command, String logFile, long pid) {
    }
}
