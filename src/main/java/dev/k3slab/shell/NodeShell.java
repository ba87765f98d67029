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
     * Runs {@code command} as root like {@link #run} and returns its standard output, trimmed, in
     * clear: for a secret such as the K3s node token, which {@link #run} would hand back masked.
     *
     * <p>Contract: the value is registered with the shell's {@link SecretMasker} before this method
     * returns, so everything afterwards masks it. Listeners hear of the command like any other, but
     * only through a masked result whose stdout is withheld ({@link SecretMasker#withholdOutput}):
     * the value never reaches a {@link CommandListener}, a log or a record.
     *
     * @param timeout how long to wait for the exit status
     * @return the trimmed stdout; empty when the command printed nothing
     * @throws SecretReadException when no exit status, or one other than 0, is received; it names the
     *                             node and the command and never quotes the output
     * @throws ShellException      when the command could not be sent at all
     */
    String readSecret(String command, Duration timeout);

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

    /** A process started by {@link #startBackground}. */
    record BackgroundProcess(String node, String command, String logFile, long pid) {
    }
}
