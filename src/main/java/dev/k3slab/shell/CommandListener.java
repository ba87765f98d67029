package dev.k3slab.shell;

/**
 * Hears of every command a shell ran, with its output and timing, for the run log and the report.
 * Results arrive with secrets already masked. Called on the thread that ran the command; several
 * threads may call at once, so implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface CommandListener {

    /** A listener that ignores everything. */
    CommandListener NONE = result -> { };

    /** One command has finished (with or without an exit status). */
    void commandFinished(CommandResult result);
}
