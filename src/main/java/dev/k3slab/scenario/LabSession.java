package dev.k3slab.scenario;

import dev.k3slab.machine.MachineProvider;
import dev.k3slab.shell.NodeShell;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.topology.Topology;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One lab as the engine drives it: the machines, the topology, a shell per node (opened on first
 * use and kept), the lab's clock, the secret masker and the run folder. Closing it closes the
 * shells it opened; the machines are left as they are (the provider's owner decides).
 */
public final class LabSession implements AutoCloseable {
    private final MachineProvider provider;
    private final Topology topology;
    private final Function<String, NodeShell> opener;
    private final SecretMasker masker;
    private final Path runDir;
    private final LabTime time;
    private final Path checkpointData;
    private final Map<String, NodeShell> shells = new LinkedHashMap<>();

    /**
     * @param opener opens a new shell to a node; called once per node for the engine, and again for
     *               each monitor on a real lab (a monitor samples on a thread of its own)
     * @param masker masks the node token: shells opened by {@code opener} must use this instance
     * @param runDir the run's folder: evidence goes under it
     */
    public LabSession(MachineProvider provider, Topology topology, Function<String, NodeShell> opener,
                      SecretMasker masker, Path runDir) {
        this(provider, topology, opener, masker, runDir, null);
    }

    /**
     * @param checkpointData where the engine keeps, beside each checkpoint, the observations made
     *                       until then (null: nowhere; a run started from a checkpoint then cannot
     *                       read the observations of the experiments it skipped)
     */
    public LabSession(MachineProvider provider, Topology topology, Function<String, NodeShell> opener,
                      SecretMasker masker, Path runDir, Path checkpointData) {
        this.checkpointData = checkpointData;
        this.provider = Objects.requireNonNull(provider, "provider");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.masker = Objects.requireNonNull(masker, "masker");
        this.runDir = Objects.requireNonNull(runDir, "runDir");
        this.time = LabTime.of(provider);
    }

    public MachineProvider provider() {
        return provider;
    }

    public Topology topology() {
        return topology;
    }

    public SecretMasker masker() {
        return masker;
    }

    public Path runDir() {
        return runDir;
    }

    /** Where observations are kept beside checkpoints, or null. */
    public Path checkpointData() {
        return checkpointData;
    }

    public LabTime time() {
        return time;
    }

    /** The engine's shell to {@code node}. */
    public synchronized NodeShell shell(String node) {
        return shells.computeIfAbsent(node, opener);
    }

    /** A shell of its own to {@code node}, for a task that runs on another thread; the caller closes it. */
    public NodeShell separateShell(String node) {
        return opener.apply(node);
    }

    @Override
    public synchronized void close() {
        for (NodeShell s : shells.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                // Closing is best effort: one shell that fails to close must not keep the others open.
            }
        }
        shells.clear();
    }
}
