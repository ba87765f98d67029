package dev.k3slab.emulator.k3s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Everything the model remembers besides the node disks: processes, units, journals, etcd
 * clusters and kubelet heartbeats. Plain mutable fields so that a checkpoint is one Jackson
 * document; only the model touches it, under the model's lock.
 */
final class ModelState {
    /** Seed of every random choice (member names, tokens, leader picks): runs are reproducible. */
    public long seed = 0x6b33736cL;
    public long draws;
    public Map<String, NodeState> nodes = new TreeMap<>();
    /** etcd clusters by cluster id (hex). */
    public Map<String, EtcdCluster> clusters = new TreeMap<>();
    /** Last kubelet status post, by {@code <store id>|<node name>}. */
    public Map<String, Instant> heartbeats = new TreeMap<>();

    /** A fresh random source for one choice; reproducible from seed and the number of draws. */
    Random random() {
        return new Random(seed * 1_000_003L + draws++);
    }

    NodeState node(String name) {
        return nodes.computeIfAbsent(name, n -> new NodeState());
    }

    /** The running K3s process of {@code node} that serves an apiserver, if any. */
    Optional<K3sProcess> server(String node) {
        return node(node).processes.stream().filter(p -> p.kind == K3sProcess.Kind.SERVER).findFirst();
    }

    List<K3sProcess> allProcesses() {
        List<K3sProcess> all = new ArrayList<>();
        nodes.values().forEach(n -> all.addAll(n.processes));
        return all;
    }

    /** One node's processes, systemd units and journal. */
    static final class NodeState {
        public boolean up = true;
        /** Unit main processes get pids from here (the shell gives pids to hand-started ones). */
        public long nextPid = 20_000;
        public List<K3sProcess> processes = new ArrayList<>();
        public Map<String, UnitState> units = new TreeMap<>();
        /** Journal lines by unit name ({@code k3s.service}), already formatted as journalctl prints them. */
        public Map<String, List<String>> journal = new TreeMap<>();
    }

    /** What systemd holds about one unit. */
    static final class UnitState {
        /** The unit file's text at the last daemon-reload (or first load); what start uses. */
        public String loadedText;
        public boolean active;
        public Instant since;
        public long mainPid;
        /** When Restart=always brings the unit back after its process ended by itself. */
        public Instant restartAt;
        /** {@code success}, {@code exit-code} or {@code signal}: why the last process ended. */
        public String result = "success";
    }
}
