package dev.k3slab.machine;

import java.io.PrintStream;

/**
 * Where a provider streams what its tools print, one line at a time, as it arrives (the run log).
 * Implementations must be thread-safe: output of one command is read on its own thread.
 */
@FunctionalInterface
public interface LogSink {

    /** A sink that drops everything. */
    LogSink NONE = (source, line) -> { };

    /**
     * One line of output.
     *
     * @param source the machine the line is about (e.g. {@code cp-3}), or the tool's name when it
     *               concerns no single machine
     * @param line   the text, without its line end
     */
    void line(String source, String line);

    /** A sink that prints {@code [source] line} to {@code out}. */
    static LogSink to(PrintStream out) {
        return (source, line) -> {
            synchronized (out) {
                out.println("[" + source + "] " + line);
            }
        };
    }
}
