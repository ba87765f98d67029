package dev.k3slab.emulator;

import dev.k3slab.topology.Topology;

import java.util.Map;

/**
 * Makes the behaviour model of a new emulated lab. {@code K3sModel::new} is one; tests pass
 * small fakes. Called when the lab is created (first {@code up}, or a checkpoint restored into a
 * lab that has none) and again after {@code destroy}, each time with a fresh clock.
 */
@FunctionalInterface
public interface LabModelFactory {
    LabModel create(Topology topology, EmulatedClock clock, Map<String, NodeFiles> disks);
}
