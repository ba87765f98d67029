package dev.k3slab.emulator;

import java.util.List;

/**
 * The long-running processes of one emulated node that the model keeps (a {@code k3s server}
 * started with {@code &}, the k3s service's main process). The interpreter's {@code ps},
 * {@code pgrep}, {@code pkill} and {@code kill} read and act on it.
 */
public interface ProcessTable {

    /** Running processes of {@code node}. */
    List<EmulatedProcess> processes(String node);

    /**
     * Sends {@code signal} (e.g. 9, 15) to process {@code pid} of {@code node}.
     *
     * @return false when there is no such process
     */
    boolean kill(String node, long pid, int signal);

    /** A running process. */
    record EmulatedProcess(long pid, String commandLine) {
    }
}
