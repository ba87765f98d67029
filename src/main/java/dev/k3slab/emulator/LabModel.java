package dev.k3slab.emulator;

import java.nio.file.Path;
import java.util.Map;

/**
 * The behaviour model behind an emulated lab (the K3s v1.27.9 model): the programs it provides,
 * the processes it keeps, and what happens to a node's processes when the machine reboots or
 * stops. The emulated machine provider owns the node disks, the SSH servers and the clock, and
 * calls this model; the model never starts threads of its own and moves only with the clock.
 *
 * <p>Thread-safety: implementations are called from several SSH command threads and synchronise
 * internally.
 */
public interface LabModel {

    /** The programs by marker name ({@code k3s}, {@code etcdctl}, {@code systemctl}, ...). */
    Map<String, Program> programs();

    /** The long-running processes of every node. */
    ProcessTable processes();

    /** The machine booted (after {@code up} or as the second half of a reboot): enabled units start. */
    void booted(String node);

    /** The machine went down (halt, or the first half of a reboot): every process of the node ends at once. */
    void shutDown(String node);

    /** Writes the model's state (not the node disks, which the provider copies) into {@code dir}. */
    void saveState(Path dir);

    /** Replaces the model's state with one written by {@link #saveState}. */
    void loadState(Path dir);
}
