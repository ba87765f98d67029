package dev.k3slab.machine.vagrant;

import dev.k3slab.machine.MachineState;

import java.util.Objects;

/**
 * One machine as {@code vagrant status --machine-readable} reports it.
 *
 * @param machine  Vagrant machine name, e.g. {@code cp-1}
 * @param provider e.g. {@code virtualbox}
 * @param state    Vagrant's raw state id, e.g. {@code not_created}, {@code running}
 */
public record VagrantMachineStatus(String machine, String provider, String state) {
    public VagrantMachineStatus {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(state, "state");
    }

    /** The state as the lab's enum; ids it does not list give {@link MachineState#OTHER}. */
    public MachineState machineState() {
        return MachineState.fromVagrantId(state);
    }
}
