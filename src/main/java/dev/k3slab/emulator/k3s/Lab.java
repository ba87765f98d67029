package dev.k3slab.emulator.k3s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.k3slab.emulator.EmulatedClock;
import dev.k3slab.emulator.NodeFiles;
import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Topology;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model's shared core: topology, clock, node disks, state, the open SQLite files, and the
 * small operations every program and the ticker need (finding datastores, logging, ending a
 * process). Callers hold {@link #lock} for the whole of one command or one clock second.
 */
final class Lab {
    static final String VERSION = "v1.27.9+k3s1";
    static final String VERSION_LINE = "k3s version v1.27.9+k3s1 (2c249a39)";
    private static final DateTimeFormatter JOURNAL_TIME = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    final Object lock = new Object();
    final Topology topology;
    final EmulatedClock clock;
    final Map<String, NodeFiles> files;
    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    ModelState state = new ModelState();
    private final Map<String, SqliteStore> sqlite = new HashMap<>();

    Lab(Topology topology, EmulatedClock clock, Map<String, NodeFiles> files) {
        this.topology = topology;
        this.clock = clock;
        this.files = Map.copyOf(files);
    }

    Instant now() {
        return clock.now();
    }

    NodeFiles files(String node) {
        NodeFiles f = files.get(node);
        if (f == null) {
            throw new IllegalArgumentException("no disk for node " + node + "; known: " + files.keySet());
        }
        return f;
    }

    LabNode labNode(String node) {
        return topology.node(node);
    }

    /** The address a process's node registers with: {@code --node-ip}, else the machine's address. */
    String nodeIp(K3sProcess p) {
        return p.config.nodeIp() != null ? p.config.nodeIp() : labNode(p.node).ip();
    }

    Optional<LabNode> nodeByAddress(String hostOrName) {
        return topology.nodes().stream()
                .filter(n -> n.ip().equals(hostOrName) || n.name().equals(hostOrName)).findFirst();
    }

    /** The SQLite datastore of {@code node}, opened on first use. */
    SqliteStore sqlite(String node) {
        return sqlite.computeIfAbsent(node, n -> new SqliteStore(n, files(n).resolve(DataDir.STATE_DB), json));
    }

    void closeSqlite(String node) {
        SqliteStore s = sqlite.remove(node);
        if (s != null) {
            s.close();
        }
    }

    /** Forgets every open SQLite file without writing (the disks are being replaced). */
    void discardAllSqlite() {
        sqlite.values().forEach(SqliteStore::discard);
        sqlite.clear();
    }

    /** A datastore by id ({@code sqlite:<node>} or {@code etcd:<cluster id>}), if it exists. */
    Optional<NodeStore> store(String id) {
        if (id == null) {
            return Optional.empty();
        }
        if (id.startsWith("sqlite:")) {
            return Optional.of(sqlite(id.substring("sqlite:".length())));
        }
        return Optional.ofNullable(state.clusters.get(id.substring("etcd:".length())));
    }

    Optional<EtcdCluster> clusterOf(K3sProcess p) {
        return p.clusterId == null ? Optional.empty() : Optional.ofNullable(state.clusters.get(p.clusterId));
    }

    /** Member ids of a cluster whose etcd runs now. */
    Set<Long> runningMembers(EtcdCluster c) {
        Set<Long> running = new HashSet<>();
        for (K3sProcess p : state.allProcesses()) {
            if (p.etcdRunning() && c.id.equals(p.clusterId)) {
                running.add(p.memberId);
            }
        }
        return running;
    }

    Optional<K3sProcess> processOfMember(EtcdCluster c, long memberId) {
        return state.allProcesses().stream()
                .filter(p -> p.etcdRunning() && c.id.equals(p.clusterId) && p.memberId == memberId).findFirst();
    }

    /** The datastore a server process serves (null for agents). */
    String storeIdOf(K3sProcess p) {
        return p.kind == K3sProcess.Kind.SERVER ? p.store : null;
    }

    /** The datastore can take writes: SQLite while its server runs, etcd while it has a leader. */
    boolean writable(String storeId) {
        if (storeId == null) {
            return false;
        }
        if (storeId.startsWith("sqlite:")) {
            String node = storeId.substring("sqlite:".length());
            return state.server(node).filter(p -> p.mode == K3sProcess.Mode.SQLITE && storeId.equals(p.store)).isPresent();
        }
        EtcdCluster c = state.clusters.get(storeId.substring("etcd:".length()));
        return c != null && c.leader != 0;
    }

    /** A logrus line as K3s prints it. */
    String logrus(String level, String msg) {
        return "time=\"" + DateTimeFormatter.ISO_INSTANT.format(now()) + "\" level=" + level + " msg=\""
                + msg.replace("\"", "\\\"") + "\"";
    }

    /** Logs a line of a K3s process: to its unit's journal, or to the output of a hand-started process. */
    void log(K3sProcess p, String level, String msg) {
        String line = logrus(level, msg);
        if (p.unit != null) {
            journal(p.node, p.unit, "k3s[" + p.pid + "]: " + line);
        } else if (p.out != null) {
            p.out.println(line);
        } else {
            p.laterOutput.add(line);
        }
    }

    /** Appends a journal line ({@code <time> <host> <ident>[pid]: <text>}) to a unit's journal. */
    void journal(String node, String unit, String identAndText) {
        state.node(node).journal.computeIfAbsent(unit, u -> new java.util.ArrayList<>())
                .add(JOURNAL_TIME.format(now()) + " " + node + " " + identAndText);
    }

    /** Removes a process that ended; the caller updates its unit. */
    void ended(K3sProcess p) {
        state.node(p.node).processes.remove(p);
        // A leader that stops is lost at once, even if the process comes back in the same second (a restart).
        clusterOf(p).filter(c -> p.etcdRunning() && c.leader == p.memberId).ifPresent(c -> {
            c.leader = 0;
            c.electionDueAt = now().plus(Timings.ELECTION_TIMEOUT);
        });
        if (p.mode == K3sProcess.Mode.SQLITE) {
            closeSqlite(p.node);
        }
    }

    /** A running process ended with a fatal error: its unit fails and systemd restarts it after RestartSec. */
    void processFailed(K3sProcess p) {
        ended(p);
        unitProcessEnded(p, "exit-code", "code=exited, status=1/FAILURE");
    }

    /** A process got a signal: it ends; a unit's main process is restarted after RestartSec (Restart=always). */
    void processKilled(K3sProcess p, int signal) {
        ended(p);
        String name = signal == 9 ? "KILL" : signal == 15 ? "TERM" : signal == 2 ? "INT" : signal == 1 ? "HUP" : String.valueOf(signal);
        unitProcessEnded(p, "signal", "code=killed, status=" + signal + "/" + name);
    }

    private void unitProcessEnded(K3sProcess p, String result, String how) {
        if (p.unit == null) {
            return;
        }
        ModelState.UnitState u = state.node(p.node).units.get(p.unit);
        if (u == null || u.mainPid != p.pid) {
            return;
        }
        journal(p.node, p.unit, "systemd[1]: " + p.unit + ": Main process exited, " + how);
        journal(p.node, p.unit, "systemd[1]: " + p.unit + ": Failed with result '" + result + "'.");
        u.active = false;
        u.result = result;
        u.since = now();
        u.restartAt = now().plus(Timings.RESTART_SEC);
    }

    long nextUnitPid(String node) {
        return state.node(node).nextPid++;
    }

    static PrintStream quiet() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }
}
