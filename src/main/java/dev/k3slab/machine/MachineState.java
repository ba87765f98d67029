package dev.k3slab.machine;

import java.util.Locale;

/**
 * The state of one lab machine, with Vagrant's state ids ({@code vagrant status --machine-readable}).
 * Anything Vagrant reports that is not listed here is {@link #OTHER}, with the raw id kept by the
 * caller.
 */
public enum MachineState {
    NOT_CREATED, RUNNING, POWEROFF, SAVED, PAUSED, ABORTED, GURUMEDITATION, STOPPING, SAVING, STARTING,
    RESTORING, INACCESSIBLE, OTHER;

    /** Vagrant's id for this state, e.g. {@code not_created}. */
    public String vagrantId() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state for a Vagrant state id; unknown ids give {@link #OTHER}. */
    public static MachineState fromVagrantId(String id) {
        for (MachineState s : values()) {
            if (s != OTHER && s.vagrantId().equals(id)) {
                return s;
            }
        }
        return OTHER;
    }
}
