package dev.k3slab.machine;

import java.util.List;

/**
 * Optional ability of a {@link MachineProvider}: save and restore a named checkpoint of the whole
 * lab (VirtualBox snapshots on every machine; a copy of the emulated state), so a run can start at
 * a later experiment without replaying the earlier ones.
 */
public interface Checkpoints {

    /**
     * Whether {@code name} may name a checkpoint: letters, digits, '.', '_' and '-', starting with
     * a letter or digit (it becomes a folder name and a VirtualBox snapshot name). Null is not.
     */
    static boolean isValidName(String name) {
        return name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]*");
    }

    /** Saves the state of every machine under {@code name}, replacing a checkpoint of that name. */
    void saveCheckpoint(String name);

    /** Restores every machine to the checkpoint {@code name}; throws when there is none. */
    void restoreCheckpoint(String name);

    /** The checkpoints that exist, oldest first. */
    List<String> checkpoints();
}
