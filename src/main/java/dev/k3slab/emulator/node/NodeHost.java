package dev.k3slab.emulator.node;

import dev.k3slab.emulator.NodeFiles;
import dev.k3slab.emulator.ProcessTable;
import dev.k3slab.emulator.Program;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One emulated machine as the node interpreter sees it: its disk, the model's programs and
 * processes, the lab clock and the process ids. The emulated machine provider implements it per
 * node; tests implement it with a fake model.
 *
 * <p>Thread-safety: called from several SSH command threads at once; implementations synchronise.
 */
public interface NodeHost {

    /** The lab node name, also the hostname. */
    String name();

    /** The node's address on the host-only network (it is never contacted). */
    String ip();

    /** The node's disk. */
    NodeFiles files();

    /** The model's programs by marker name ({@code k3s}, {@code etcdctl}, ...). */
    Map<String, Program> programs();

    /** The model's long-running processes. */
    ProcessTable processes();

    /** The lab clock's time. */
    Instant now();

    /** {@code sleep}: moves the lab clock forward by {@code d} instead of waiting. */
    void sleep(Duration d);

    /** A fresh process id for a command started on this node. */
    long allocatePid();

    /** When the node last booted, by the lab clock. */
    Instant bootTime();

    /**
     * Told after every command that may have written files: entries of any node disk modified by
     * the wall clock since {@code wallSince} get the lab clock's time as their modification time.
     */
    void filesChanged(Instant wallSince);
}
