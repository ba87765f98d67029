package dev.k3slab.report;

import dev.k3slab.observe.DbLayout;
import dev.k3slab.observe.EndpointStatus;
import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.JoinFlags;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.record.BootCaseRecord;
import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.CommandRecord;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.MonitorSample;
import dev.k3slab.record.ObservationRecord;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.SplitBrainRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A run record that mirrors the source write-up's run of experiments 1 to 5c (the values of its
 * transcripts), built the way the scenario engine records a run. Tests change pieces of it with
 * {@link #with}.
 */
final class SourceRun {
    static final String TOKEN = "K107cb71a7dd8078059540e2217dbbf8cbdc928d733c55ad596fefb846f9033a1d3"
            + "::server:96039607a727f087dece9a9fffa1f0bf";
    static final String CP1_URL = "https://192.168.56.11:6443";
    static final List<String> ALL = List.of("cp-1", "cp-2", "cp-3", "w-1", "w-2");
    static final Instant T0 = Instant.parse("2026-02-22T05:00:00Z");
    static final String CP1_ID = "bf624c9e82dced96";
    static final String CP2_ID = "b0139766c119db32";
    static final String CP3_OLD_ID = "5b9b4cb496c89f6";
    static final String CP3_NEW_ID = "c8f6b8d5b2608446";

    private SourceRun() {
    }

    static RunRecord run() {
        return run(experiments(), timeline());
    }

    static RunRecord run(List<ExperimentRecord> experiments, List<MonitorSample> timeline) {
        return new RunRecord("20260222-050000-emulated", "emulated",
                "the embedded emulated lab: an in-process model of K3s v1.27.9 reached over SSH on loopback", true,
                "v1.27.9+k3s1", List.of("cp-1 192.168.56.11 server", "cp-2 192.168.56.12 server",
                "cp-3 192.168.56.13 server", "w-1 192.168.56.21 agent", "w-2 192.168.56.22 agent"),
                Instant.parse("2026-12-04T15:30:00Z"), 95_000, Verdict.PASS, experiments, timeline,
                List.of("experiments ran in order from a fresh lab"));
    }

    /** The source's experiments with one of them replaced. */
    static List<ExperimentRecord> with(ExperimentRecord replacement) {
        return experiments().stream().map(e -> e.id().equals(replacement.id()) ? replacement : e).toList();
    }

    /** A copy of {@code e} with other observations, split-brain row and boot cases. */
    static ExperimentRecord copy(ExperimentRecord e, List<ObservationRecord> observations, SplitBrainRecord splitBrain,
                                 List<BootCaseRecord> bootCases) {
        return new ExperimentRecord(e.id(), e.title(), e.file(), e.verdict(), e.started(), e.tookMillis(), e.labMillis(),
                e.restoredFromCheckpoint(), e.steps(), observations, e.checks(), splitBrain, bootCases, e.evidence());
    }

    static List<ExperimentRecord> experiments() {
        return List.of(one(), two(), threeA(), threeB(), fourA(), fourB(), fourC(), fiveA(), fiveB(), fiveC());
    }

    static ExperimentRecord one() {
        Exp e = new Exp("1", "single control plane (SQLite)", 0);
        e.step("install K3s on cp-1", "run", "cp-1", cmd("cp-1",
                "INSTALL_K3S_VERSION=v1.27.9+k3s1 sh /usr/local/bin/k3s-install.sh server --node-ip 192.168.56.11", 0,
                "[INFO]  systemd: Starting k3s\n"));
        e.observe(unit("unit-cp-1", "cp-1", e.at(), flags(null, false, false), "server", "--node-ip", "192.168.56.11"));
        e.check("cp-1 is Ready as control-plane,master", "roles", "control-plane,master", "control-plane,master", null);
        return e.build(null, List.of());
    }

    static ExperimentRecord two() {
        Exp e = new Exp("2", "conversion to three etcd servers", 10);
        e.step("reinstall cp-1 with --cluster-init", "run", "cp-1", cmd("cp-1",
                "INSTALL_K3S_EXEC='server --cluster-init' sh /usr/local/bin/k3s-install.sh", 0, ""));
        e.step("join cp-2 and cp-3", "run", "cp-2",
                cmd("cp-2", "K3S_TOKEN=" + TOKEN + " sh k3s-install.sh server --server " + CP1_URL, 0, ""),
                cmd("cp-3", "K3S_TOKEN=" + TOKEN + " sh k3s-install.sh server --server " + CP1_URL, 0, ""));
        e.observe(unit("unit-cp-1", "cp-1", e.at(), flags(null, false, true), "server", "--cluster-init"));
        e.observe(unit("unit-cp-2", "cp-2", e.at(), flags(CP1_URL, true, false), "server", "--server", CP1_URL));
        e.observe(unit("unit-cp-3", "cp-3", e.at(), flags(CP1_URL, true, false), "server", "--server", CP1_URL));
        e.observe(members("members", "cp-1", e.at(), voter(CP3_OLD_ID, "cp-3"), voter(CP2_ID, "cp-2"), voter(CP1_ID, "cp-1")));
        e.check("cp-1 keeps its AGE after the conversion", "age-kept", "AGE kept", "AGE kept (12m)",
                "kept: the SQLite content is migrated into etcd, Node objects survive (reference §4)");
        return e.build(null, List.of(
                new BootCaseRecord("cluster-init", false, "cp-1", "first node of a new etcd cluster (SQLite migrated)", "2"),
                new BootCaseRecord("server-and-token", false, "cp-2", "joined as a learner, then voter", "2")));
    }

    static ExperimentRecord threeA() {
        Exp e = new Exp("3a", "join flag removed from the unit, reboot", 20);
        e.step("delete the --server lines on cp-2, reboot", "edit-unit", "cp-2",
                cmd("cp-2", "sed -i '/--server/d' /etc/systemd/system/k3s.service", 0, ""));
        e.step("reboot cp-2", "reboot", "cp-2");
        e.observe(unit("unit-cp-1", "cp-1", e.at(), flags(null, false, true), "server", "--cluster-init"));
        e.observe(unit("unit-cp-2", "cp-2", e.at(), flags(null, true, false), "server", "--node-ip", "192.168.56.12"));
        e.observe(unit("unit-cp-3", "cp-3", e.at(), flags(null, true, false), "server", "--node-ip", "192.168.56.13"));
        e.check("cp-2 comes back Ready", "ready", "Ready", "Ready", null);
        return e.build(null, List.of(
                new BootCaseRecord("no-join-flags", true, "cp-2", "rejoined as the existing member", "3a"),
                new BootCaseRecord("no-join-flags", true, "cp-3", "rejoined as the existing member", "3a")));
    }

    static ExperimentRecord threeB() {
        Exp e = new Exp("3b", "install script re-run without --cluster-init", 30);
        e.step("re-run the install script on cp-1", "run", "cp-1",
                cmd("cp-1", "sh /usr/local/bin/k3s-install.sh server --node-ip 192.168.56.11", 0, "[INFO]  Creating service file"));
        for (String cp : List.of("cp-1", "cp-2", "cp-3")) {
            e.observe(unit("unit-" + cp, cp, e.at(), flags(null, !cp.equals("cp-1"), false), "server", "--node-ip"));
        }
        e.check("no server's unit holds --cluster-init or --server", "no-join-flags", "none", "none", null);
        return e.build(null, List.of(new BootCaseRecord("no-join-flags", true, "cp-1", "rejoined as the existing member", "3b")));
    }

    static ExperimentRecord fourA() {
        Exp e = new Exp("4a", "etcd data kept: k3s server without flags", 40);
        e.step("stop k3s on cp-3 and kill what is left", "run", "cp-3",
                cmd("cp-3", "systemctl stop k3s && k3s-killall.sh", 0, ""));
        e.step("start k3s server without join flags", "background", "cp-3",
                cmd("cp-3", "k3s server --node-ip 192.168.56.13 --advertise-address 192.168.56.13", 0, "12345\n"));
        e.step("wait for cp-3 Ready", "wait", "cp-1");
        e.observe(nodes("nodes-from-cp3", "cp-3", e.at(), "cp-3", "Ready", "56m"));
        e.observe(status("status-cp1", "cp-1", e.at(), CP1_ID, 4, false));
        e.observe(status("status-cp3", "cp-3", e.at(), CP3_OLD_ID, 4, false));
        e.check("cp-3 keeps its AGE seen from cp-3", "age-kept", "AGE kept", "AGE 56m, created before the step",
                "kept: the WAL exists, so cp-3 starts as the existing member (reference §1)");
        e.check("RAFT TERM equal on cp-1 and cp-3", "term-equal", "equal", "4 and 4", "equal: one cluster");
        return e.build(new SplitBrainRecord("cp-3", "control-plane,etcd,master", "56m", true, ALL, DbLayout.ETCD, false,
                        "same RAFT TERM (4), same members, same node list from cp-1 and cp-3"),
                List.of(new BootCaseRecord("no-join-flags", true, "cp-3", "rejoined as the existing member", "4a")));
    }

    static ExperimentRecord fourB() {
        return splitBrainExperiment("4b", "etcd WAL deleted: k3s server without flags", 50, "30s",
                "rm -rf /var/lib/rancher/k3s/server/db/etcd/member/wal/");
    }

    static ExperimentRecord fourC() {
        return splitBrainExperiment("4c", "K3s uninstalled and reinstalled without flags", 60, "10m",
                "k3s-uninstall.sh");
    }

    private static ExperimentRecord splitBrainExperiment(String id, String title, int minute, String age, String wipe) {
        Exp e = new Exp(id, title, minute);
        e.step("stop k3s on cp-3", "run", "cp-3", cmd("cp-3", "systemctl stop k3s", 0, ""));
        e.step("remove the etcd data", "run", "cp-3", cmd("cp-3", wipe, 0, ""));
        e.step("start k3s server without join flags", "background", "cp-3",
                cmd("cp-3", "k3s server --node-ip 192.168.56.13", 0, "23456\n"));
        e.observe(nodesOnly("nodes-from-cp3", "cp-3", e.at(), age));
        e.observe(new ObservationRecord("status-cp3", "status", "cp-3", e.at(), null, null, null, null, null, null, null,
                null, "context deadline exceeded"));
        e.observe(new ObservationRecord("layout-cp3", "layout", "cp-3", e.at(), null, null, null, null, DbLayout.SQLITE,
                List.of("db/etcd", "db/state.db", "db/state.db-shm", "db/state.db-wal", "db/etcd/name"), null, null, null));
        e.observe(nodes("nodes-from-cp1", "cp-1", e.at(), "cp-3", "NotReady", "81m"));
        e.check("cp-3 sees only itself", "visible-only-self", "only cp-3", "only cp-3",
                "a new SQLite cluster: no WAL and no join flags (reference §1)");
        e.check("cp-3's datastore is SQLite", "layout sqlite", "SQLITE", "SQLITE", "SQLite via kine");
        return e.build(new SplitBrainRecord("cp-3", "control-plane,master", age, false, List.of("cp-3"), DbLayout.SQLITE,
                        true, "cp-3 sees only itself with a new AGE; cp-1 sees five nodes with cp-3 NotReady"),
                List.of(new BootCaseRecord("no-join-flags", false, "cp-3", "new single-node SQLite cluster: split brain", id)));
    }

    static ExperimentRecord fiveA() {
        Exp e = new Exp("5a", "member kept after a long NotReady", 70);
        e.step("hold 30 minutes", "hold", null);
        e.observe(members("members", "cp-1", e.at(), voter(CP3_OLD_ID, "cp-3"), voter(CP2_ID, "cp-2"), voter(CP1_ID, "cp-1")));
        e.check("cp-3 is still a member", "member-present", "cp-3 present, voter", "cp-3 " + CP3_OLD_ID + " started, voter",
                "kept: nothing removes a voting member by time (reference §3)");
        return e.build(null, List.of());
    }

    static ExperimentRecord fiveB() {
        Exp e = new Exp("5b", "kubectl delete node removes the member", 110);
        e.observe(nodes("nodes-before", "cp-1", e.at(), "cp-3", "NotReady", "2h"));
        e.step("delete node cp-3", "run", "cp-1", cmd("cp-1", "kubectl delete node cp-3", 0, "node \"cp-3\" deleted\n"));
        e.observe(members("members", "cp-1", e.at(), voter(CP2_ID, "cp-2"), voter(CP1_ID, "cp-1")));
        e.observe(new ObservationRecord("nodes-after", "nodes", "cp-1", e.at(),
                ALL.stream().filter(n -> !n.equals("cp-3")).map(n -> row(n, "Ready", "2h")).toList(),
                null, null, null, null, null, null, null, null));
        e.check("cp-3's member is gone", "member-absent", "absent", "absent (2 members)", "removed by the node-delete handler");
        return e.build(null, List.of());
    }

    static ExperimentRecord fiveC() {
        Exp e = new Exp("5c", "clean rejoin with --server", 120);
        e.step("clean cp-3 and install with --server", "run", "cp-3",
                cmd("cp-3", "rm -rf /var/lib/rancher/k3s/ && sh k3s-install.sh server --server " + CP1_URL
                        + " --token " + TOKEN, 0, ""));
        e.observe(members("members-learner", "cp-1", e.at(), learner(CP3_NEW_ID, "cp-3"), voter(CP2_ID, "cp-2"),
                voter(CP1_ID, "cp-1")));
        e.step("wait for promotion", "wait", "cp-1");
        e.observe(members("members-voter", "cp-1", e.at(), voter(CP3_NEW_ID, "cp-3"), voter(CP2_ID, "cp-2"),
                voter(CP1_ID, "cp-1")));
        e.observe(unit("unit-cp-3", "cp-3", e.at(), flags(CP1_URL, true, false), "server", "--server", CP1_URL, "--token", TOKEN));
        e.check("cp-3 joins as a learner, then a voter", "learner-then-voter", "learner then voter", "learner then voter",
                "learner join, promoted by the leader (reference §2)");
        e.check("cp-3 has a new member ID", "member-id-new", "new ID", CP3_NEW_ID + " (was " + CP3_OLD_ID + ")", null);
        return e.build(null, List.of(new BootCaseRecord("server-and-token", false, "cp-3",
                "joined as a learner, promoted to voter, new member ID", "5c")));
    }

    /**
     * The monitor on cp-1 from 4a to the end of 5c: every 5 s around the events, every 30 s in between.
     * cp-3 NotReady for 30 s in 4a while RAFT TERM rises 3 -> 4; NotReady from 4b on; gone with its member
     * in 5b; back in 5c as a learner, then a voter, then Ready.
     */
    static List<MonitorSample> timeline() {
        List<MonitorSample> samples = new ArrayList<>();
        int second = 40 * 60;
        while (second <= 121 * 60) {
            samples.add(sample(second));
            boolean busy = second < 41 * 60 || (second >= 110 * 60 && second < 111 * 60) || second >= 120 * 60;
            second += busy ? 5 : 30;
        }
        return samples;
    }

    private static MonitorSample sample(int second) {
        int m = second / 60;
        String experiment = m < 50 ? "4a" : m < 60 ? "4b" : m < 70 ? "4c" : m < 110 ? "5a" : m < 120 ? "5b" : "5c";
        boolean cp3Listed = second < 110 * 60 + 5 || second >= 120 * 60 + 15;
        boolean cp3Ready = second >= 40 * 60 + 30 && second < 50 * 60 || second >= 120 * 60 + 25;
        int members = second < 110 * 60 + 5 || second >= 120 * 60 + 5 ? 3 : 2;
        int learners = second >= 120 * 60 + 5 && second < 120 * 60 + 10 ? 1 : 0;
        long term = second < 40 * 60 + 15 ? 3 : 4;
        List<MonitorSample.NodePoint> nodes = new ArrayList<>();
        for (String n : ALL) {
            if (!n.equals("cp-3") || cp3Listed) {
                nodes.add(new MonitorSample.NodePoint(n, !n.equals("cp-3") || cp3Ready,
                        n.startsWith("cp") ? "control-plane,etcd,master" : ""));
            }
        }
        return new MonitorSample(T0.plusSeconds(second), "cp-1", experiment, "step", nodes, members, learners, term, null);
    }

    // --- small builders -------------------------------------------------------------------------

    /** Collects one experiment's steps, observations and checks on a lab clock that moves 5 s per step. */
    static final class Exp {
        private final String id;
        private final String title;
        private Instant clock;
        private final List<StepRecord> steps = new ArrayList<>();
        private final List<ObservationRecord> observations = new ArrayList<>();
        private final List<CheckRecord> checks = new ArrayList<>();

        Exp(String id, String title, int minute) {
            this.id = id;
            this.title = title;
            this.clock = T0.plus(Duration.ofMinutes(minute));
        }

        Instant at() {
            return clock;
        }

        Exp step(String name, String kind, String node, CommandRecord... commands) {
            steps.add(new StepRecord(steps.size(), name, kind, node, Instant.parse("2026-12-04T15:30:00Z"), 120, clock,
                    5_000, Verdict.PASS, "", Arrays.asList(commands)));
            clock = clock.plusSeconds(5);
            return this;
        }

        Exp observe(ObservationRecord o) {
            observations.add(o);
            return this;
        }

        Exp check(String name, String relation, String expected, String observed, String prediction) {
            checks.add(new CheckRecord(name, relation, expected, observed, Verdict.PASS, prediction, ""));
            return this;
        }

        Exp failedCheck(String name, String relation, String expected, String observed, String evidence) {
            checks.add(new CheckRecord(name, relation, expected, observed, Verdict.FAIL, null, evidence));
            return this;
        }

        ExperimentRecord build(SplitBrainRecord splitBrain, List<BootCaseRecord> bootCases) {
            Verdict verdict = checks.stream().map(CheckRecord::verdict).reduce(Verdict.PASS, Verdict::and);
            return new ExperimentRecord(id, title, "scenarios/" + id + ".yaml", verdict,
                    Instant.parse("2026-12-04T15:30:00Z"), 9_000, steps.size() * 5_000L, null, steps, observations,
                    checks, splitBrain, bootCases, List.of());
        }
    }

    static CommandRecord cmd(String node, String command, Integer exit, String stdout) {
        return new CommandRecord(node, command, exit, stdout, "", Instant.parse("2026-12-04T15:30:00Z"), 40);
    }

    static JoinFlags flags(String server, boolean token, boolean clusterInit) {
        return new JoinFlags(Optional.ofNullable(server), token, clusterInit, false);
    }

    static ObservationRecord unit(String name, String node, Instant at, JoinFlags flags, String... execArgs) {
        List<String> exec = new ArrayList<>(List.of("/usr/local/bin/k3s"));
        exec.addAll(List.of(execArgs));
        return new ObservationRecord(name, "unit", node, at, null, null, null, null, null, null, flags, exec, null);
    }

    static ObservationRecord members(String name, String from, Instant at, EtcdMember... members) {
        return new ObservationRecord(name, "members", from, at, null, List.of(members), null, null, null, null, null,
                null, null);
    }

    static ObservationRecord status(String name, String from, Instant at, String id, long term, boolean leader) {
        return new ObservationRecord(name, "status", from, at, null, null, List.of(new EndpointStatus("127.0.0.1:2379",
                id, "3.5.9", "4.1 MB", leader, false, term, 17844, 17844, List.of())), null, null, null, null, null, null);
    }

    /** All five nodes seen from {@code from}, {@code node} with the given status and AGE, the others Ready. */
    static ObservationRecord nodes(String name, String from, Instant at, String node, String status, String age) {
        List<NodeRow> rows = ALL.stream().map(n -> n.equals(node) ? row(n, status, age) : row(n, "Ready", "81m")).toList();
        return new ObservationRecord(name, "nodes", from, at, rows, null, null, null, null, null, null, null, null);
    }

    static ObservationRecord nodesOnly(String name, String node, Instant at, String age) {
        NodeRow row = new NodeRow(node, "Ready", List.of("control-plane", "master"), age, 30, "v1.27.9+k3s1",
                "192.168.56.13", null, "Ubuntu 22.04.5 LTS", "5.15.0-91-generic", "containerd://1.7.11-k3s2.27");
        return new ObservationRecord(name, "nodes", node, at, List.of(row), null, null, null, null, null, null, null, null);
    }

    static NodeRow row(String name, String status, String age) {
        List<String> roles = name.startsWith("cp") ? List.of("control-plane", "etcd", "master") : List.of();
        return new NodeRow(name, status, roles, age, 60, "v1.27.9+k3s1", null, null, null, null, null);
    }

    static EtcdMember voter(String id, String node) {
        return member(id, node, false);
    }

    static EtcdMember learner(String id, String node) {
        return member(id, node, true);
    }

    private static EtcdMember member(String id, String node, boolean learner) {
        String ip = "192.168.56.1" + node.charAt(node.length() - 1);
        return new EtcdMember(id, "started", node + "-" + id.substring(0, 8), List.of("https://" + ip + ":2380"),
                List.of("https://" + ip + ":2379"), learner);
    }
}
