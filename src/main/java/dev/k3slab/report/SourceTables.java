package dev.k3slab.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source write-up's result tables, as reference data: what it observed (or only claimed) for each
 * experiment, so the report can set this run's observations beside it. Relations, not absolute figures
 * (AGE 56m, RAFT TERM 4 and member IDs of the source run are examples, never expectations).
 */
final class SourceTables {
    private SourceTables() {
    }

    /** Which nodes the returning node sees. */
    enum Visibility { ALL, ONLY_ITSELF }

    /** One row of the source's 4a/4b/4c comparison, as relations. */
    record SplitBrainRow(String roles, boolean ageKept, Visibility visible, boolean etcd, boolean splitBrain) {
    }

    private static final SplitBrainRow REJOINED =
            new SplitBrainRow("control-plane,etcd,master", true, Visibility.ALL, true, false);
    private static final SplitBrainRow NEW_SQLITE_CLUSTER =
            new SplitBrainRow("control-plane,master", false, Visibility.ONLY_ITSELF, false, true);

    /** The source's rows for 4a (etcd data kept), 4b (WAL deleted) and 4c (uninstalled and reinstalled). */
    static Optional<SplitBrainRow> splitBrain(String experiment) {
        return Optional.ofNullable(Map.of("4a", REJOINED, "4b", NEW_SQLITE_CLUSTER, "4c", NEW_SQLITE_CLUSTER)
                .get(experiment));
    }

    /** The Part 1 field observation, shown as a reference row (never observed by a lab run). */
    static final String PART1_CONDITION = "Part 1 field observation (reference, not observed by this run)";
    static final String PART1_NODE = "cp-node-c";
    static final String PART1_ROLES = "control-plane,master";
    static final String PART1_AGE = "19h";
    static final String PART1_VISIBLE = "only cp-node-c";
    static final String PART1_DATASTORE = "presumed SQLite (not observed)";
    static final String PART1_SPLIT_BRAIN = "yes";

    /** What the source says about one boot-matrix cell, and which of its runs back that (none: words only). */
    record BootClaim(String says, List<String> runs) {
        String basis() {
            return runs.isEmpty() ? "the source backs this with words only, no run" : "source runs: " + String.join(", ", runs);
        }
    }

    /** The boot matrix rows in the source's order: command id and how it is written. */
    static final List<Map.Entry<String, String>> BOOT_COMMANDS = List.of(
            Map.entry("no-join-flags", "k3s server (no join flags)"),
            Map.entry("server-and-token", "k3s server --server URL --token T"),
            Map.entry("cluster-init", "k3s server --cluster-init"),
            Map.entry("cluster-reset", "k3s server --cluster-reset"));

    private static final Map<String, BootClaim> BOOT_PRESENT = Map.of(
            "no-join-flags", new BootClaim("rejoins as the existing member", List.of("3a", "4a")),
            "server-and-token", new BootClaim("join mostly fails (member ID mismatch; \"re-configuration failed due to not"
                    + " enough started members\"): clean the data first", List.of()),
            "cluster-init", new BootClaim("flag ignored, starts as the existing member", List.of()),
            "cluster-reset", new BootClaim("etcd reset to a single member", List.of()));
    private static final Map<String, BootClaim> BOOT_ABSENT = Map.of(
            "no-join-flags", new BootClaim("new single-node SQLite cluster: split brain", List.of("4b", "4c")),
            "server-and-token", new BootClaim("joins: learner, then voter", List.of("5c")),
            "cluster-init", new BootClaim("first node of a new etcd cluster", List.of("2")),
            "cluster-reset", new BootClaim("meaningless", List.of()));

    static Optional<BootClaim> boot(String command, boolean etcdDataPresent) {
        return Optional.ofNullable((etcdDataPresent ? BOOT_PRESENT : BOOT_ABSENT).get(command));
    }

    /** The join flags the source shows in a server's unit after an experiment: a join URL or none, --cluster-init or not. */
    record UnitFlags(String server, boolean clusterInit) {
        String describe() {
            if (server != null) {
                return "--server " + server;
            }
            return clusterInit ? "--cluster-init" : "no join flags";
        }
    }

    private static final String CP1_URL = "https://192.168.56.11:6443";
    private static final UnitFlags INIT = new UnitFlags(null, true);
    private static final UnitFlags JOIN = new UnitFlags(CP1_URL, false);
    private static final UnitFlags NONE = new UnitFlags(null, false);
    // After 3a only cp-2 and cp-3 were edited; cp-1 keeps --cluster-init until 3b rewrites its unit.
    private static final Map<String, Map<String, UnitFlags>> UNITS = Map.of(
            "2", Map.of("cp-1", INIT, "cp-2", JOIN, "cp-3", JOIN),
            "3a", Map.of("cp-1", INIT, "cp-2", NONE, "cp-3", NONE),
            "3b", Map.of("cp-1", NONE, "cp-2", NONE, "cp-3", NONE));

    static Optional<UnitFlags> unit(String experiment, String node) {
        return Optional.ofNullable(UNITS.getOrDefault(experiment, Map.of()).get(node));
    }

    /** One row of the source's experiment-5 table. */
    record MemberQuestion(String question, String sourceResult) {
    }

    static Optional<MemberQuestion> members(String experiment) {
        return Optional.ofNullable(Map.of(
                "5a", new MemberQuestion("Is the etcd member removed after a long NotReady?",
                        "Not removed: K3s removes no voting member by time."),
                "5b", new MemberQuestion("Does kubectl delete node remove the etcd member?",
                        "Removed at once: the Node object and the etcd member go together."),
                "5c", new MemberQuestion("Clean rejoin with --server: how does the member come back?",
                        "Rejoined as a learner, then promoted to voter, with a new member ID; three members again."))
                .get(experiment));
    }
}
