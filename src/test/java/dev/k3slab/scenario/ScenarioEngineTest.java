package dev.k3slab.scenario;

import static dev.k3slab.scenario.ScriptedShells.exit;
import static dev.k3slab.scenario.ScriptedShells.noStatus;
import static dev.k3slab.scenario.ScriptedShells.ok;
import static dev.k3slab.scenario.ScriptedShells.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.observe.DbLayout;
import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioEngineTest {
    @TempDir
    Path runDir;

    private static final String ONE_CLUSTER = """
            id: a
            title: cp-3 back with its etcd data
            steps:
              - name: look at the nodes from cp-1 before
                observe: nodes
                from: cp-1
                as: before
              - name: look at the members before
                observe: members
                from: cp-1
                as: members-before
              - name: two minutes pass
                hold: 2m
              - name: look from cp-3
                observe: nodes
                from: cp-3
                as: inside
              - name: look from cp-1
                observe: nodes
                from: cp-1
                as: outside
              - name: members after
                observe: members
                from: cp-1
                as: members
              - name: status on cp-3
                observe: status
                from: cp-3
                as: s3
              - name: status on cp-1
                observe: status
                from: cp-1
                as: s1
              - name: cp-3 keeps its AGE
                check: age-kept
                node: cp-3
                between: [before, inside]
              - name: cp-3 keeps its member ID
                check: member-voter
                node: cp-3
                in: members
                id-same-as: members-before
              - name: same term
                check: term-equal
                between: [s1, s3]
              - name: same nodes
                check: nodes-equal
                between: [outside, inside]
              - name: one cluster
                verdict: split-brain
                node: cp-3
                inside: inside
                outside: outside
                before: before
                expect: false
            """;

    @Test
    void recordedOutputsOfExperiment4aGiveOneClusterAndEveryCheckPasses() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "kubectl get nodes", ok(recorded("kubectl/exp4a-cp1-monitor-060929-wide.txt")),
                        ok(recorded("kubectl/exp4a-cp3-wide.txt")))
                .on("cp-3", "kubectl get nodes", ok(recorded("kubectl/exp4a-cp3-wide.txt")))
                .on(null, "member list", ok(recorded("etcdctl/exp4a-cp3-member-list.txt")))
                .on("cp-3", "endpoint status", ok(recorded("etcdctl/exp4a-cp3-endpoint-status.txt")))
                .on("cp-1", "endpoint status", ok(recorded("etcdctl/exp4a-cp1-endpoint-status.txt")));
        RunRecord run = f.run(ONE_CLUSTER);
        ExperimentRecord e = run.experiments().get(0);
        assertThat(e.checks()).extracting(CheckRecord::verdict).containsOnly(Verdict.PASS);
        assertThat(e.checks()).hasSize(5);
        assertThat(e.splitBrain().splitBrain()).isFalse();
        assertThat(e.splitBrain().ageKept()).isTrue();
        assertThat(run.verdict()).isEqualTo(Verdict.PASS);
        assertThat(e.labMillis()).isEqualTo(120_000);
        assertThat(f.lab.actions).containsExactly("up", "save after-a");
    }

    @Test
    void recordedOutputsOfExperiment4bGiveSplitBrain() {
        EngineFixture f = new EngineFixture(runDir);
        String etcdDir = """
                total 16
                drwx------ 3 root root 4096 Feb 22 06:17 .
                drwx------ 4 root root 4096 Feb 22 06:33 ..
                drwx------ 4 root root 4096 Feb 22 06:17 member
                -rw------- 1 root root   13 Feb 22 04:51 name
                """;
        f.shells.on("cp-1", "kubectl get nodes", ok(recorded("kubectl/exp4b-cp1-plain.txt")),
                        ok(recorded("kubectl/exp4b-cp1-monitor-063546-plain.txt")))
                .on("cp-3", "kubectl get nodes", exit(1, recorded("kubectl/exp4b-cp3-refused.txt")),
                        ok(recorded("kubectl/exp4b-cp3-wide.txt")))
                .on("cp-3", "endpoint status", exit(1, recorded("etcdctl/exp4b-cp3-endpoint-status-failed.txt")))
                .on("cp-3", "ls -al /var/lib/rancher/k3s/server/db/", ok(recorded("ls/exp4b-cp3-db.txt")))
                .on("cp-3", "ls -al /var/lib/rancher/k3s/server/db/etcd/", ok(etcdDir));
        RunRecord run = f.run("""
                id: b
                title: cp-3 without its WAL
                steps:
                  - {name: before, observe: nodes, from: cp-1, as: before}
                  - {name: down, observe: nodes, from: cp-3, as: down}
                  - {name: kubectl on cp-3 is refused, check: apiserver-refused, in: down}
                  - {name: four minutes pass, hold: 4m}
                  - {name: inside, observe: nodes, from: cp-3, as: inside}
                  - {name: outside, observe: nodes, from: cp-1, as: outside}
                  - {name: status, observe: status, from: cp-3, as: status}
                  - {name: db, observe: layout, from: cp-3, as: db}
                  - {name: only cp-3, check: nodes-visible, in: inside, nodes: [cp-3]}
                  - {name: new AGE, check: age-new, node: cp-3, between: [before, inside]}
                  - {name: old AGE outside, check: age-kept, node: cp-3, between: [before, outside]}
                  - {name: no etcd, check: endpoint-unavailable, in: status}
                  - {name: sqlite, check: layout, in: db, is: sqlite}
                  - {name: two clusters, verdict: split-brain, node: cp-3, inside: inside, outside: outside, before: before, layout: db, expect: true}
                  - {name: the matrix cell, boot-case: no-join-flags, etcd-data: absent, node: cp-3, inside: inside, layout: db, expect: new-sqlite-cluster}
                """);
        ExperimentRecord e = run.experiments().get(0);
        assertThat(e.checks()).extracting(CheckRecord::name, CheckRecord::verdict).allMatch(t -> t.toList().get(1) == Verdict.PASS);
        assertThat(e.splitBrain()).extracting("roles", "age", "ageKept", "datastore", "splitBrain")
                .containsExactly("control-plane,master", "30s", false, DbLayout.SQLITE, true);
        assertThat(e.bootCases().get(0).outcome()).isEqualTo("started a new single-node SQLite cluster");
        assertThat(e.observations()).filteredOn(o -> o.name().equals("status")).first()
                .extracting("unavailable").isEqualTo("Failed to get the status of endpoint 127.0.0.1:2379 (context deadline exceeded)");
    }

    @Test
    void aWaitMovesTheEmulatedClockByItsPollIntervalUntilTheConditionHolds() {
        EngineFixture f = new EngineFixture(runDir);
        String notReady = recorded("kubectl/exp4a-cp1-monitor-060924-wide.txt");
        String ready = recorded("kubectl/exp4a-cp1-monitor-060929-wide.txt");
        f.shells.on("cp-1", "kubectl get nodes", ok(notReady), ok(notReady), ok(ready));
        RunRecord run = f.run("""
                id: w
                title: wait for cp-3
                steps:
                  - name: wait until cp-3 is Ready seen from cp-1
                    wait: node cp-3 Ready from cp-1
                    within: 2m
                    poll: 5s
                """);
        StepRecord step = run.experiments().get(0).steps().get(0);
        assertThat(step.outcome()).isEqualTo(Verdict.PASS);
        assertThat(step.labMillis()).isEqualTo(10_000);
        assertThat(step.message()).contains("held after 10s").contains("(3 polls)");
        assertThat(step.commands()).hasSize(1);
        assertThat(f.progress).contains("waited 0s of 2m", "waited 5s of 2m", "waited 10s of 2m");
    }

    @Test
    void aWaitThatNeverHoldsFailsAtItsBoundOnTheLabClockWithWhatItSawLast() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "kubectl get nodes", ok(recorded("kubectl/exp4a-cp1-monitor-060924-wide.txt")));
        RunRecord run = f.run("""
                id: w
                title: wait for cp-3
                steps:
                  - {name: wait for cp-3, wait: node cp-3 Ready from cp-1, within: 20s, poll: 5s}
                  - {name: look, observe: nodes, from: cp-1, as: n}
                  - {name: cp-3 Ready, check: status, node: cp-3, in: n, is: Ready}
                """);
        ExperimentRecord e = run.experiments().get(0);
        assertThat(e.steps().get(0).outcome()).isEqualTo(Verdict.FAIL);
        assertThat(e.steps().get(0).labMillis()).isEqualTo(20_000);
        assertThat(e.steps().get(0).message()).contains("did not hold within 20s").contains("cp-3 NotReady");
        assertThat(e.steps().get(1).outcome()).isEqualTo(Verdict.UNKNOWN);
        assertThat(e.checks().get(0).observed()).startsWith("not evaluated: the experiment stopped at step 1 'wait for cp-3' ended FAIL");
        assertThat(e.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(run.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aWaitWhoseProbeGetsNoExitStatusIsUnknownNotFailed() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "kubectl get nodes", noStatus());
        RunRecord run = f.run("""
                id: w
                title: wait for cp-3
                steps:
                  - {name: wait for cp-3, wait: node cp-3 Ready from cp-1, within: 15s, poll: 5s}
                """);
        assertThat(run.experiments().get(0).steps().get(0).outcome()).isEqualTo(Verdict.UNKNOWN);
        assertThat(run.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aFailFastConditionEndsTheWaitAtOnce() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "kubectl get nodes", ok(recorded("kubectl/exp5b-cp1-wide-after-delete.txt")));
        RunRecord run = f.run("""
                id: w
                title: wait for cp-3
                steps:
                  - name: wait for cp-3
                    wait: node cp-3 Ready from cp-1
                    within: 10m
                    fail-fast: node cp-3 absent from cp-1
                """);
        StepRecord step = run.experiments().get(0).steps().get(0);
        assertThat(step.outcome()).isEqualTo(Verdict.FAIL);
        assertThat(step.message()).startsWith("the fail-fast condition held after 0s");
        assertThat(step.labMillis()).isLessThan(10_000);
    }

    @Test
    void aCommandWithAnotherExitStatusFailsTheStepStopsTheExperimentAndEvidenceIsCollected() throws Exception {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "systemctl stop k3s", exit(5, "Failed to stop k3s.service: Unit k3s.service not loaded."))
                .on(null, "journalctl", ok("-- No entries --\n"));
        RunRecord run = f.run("""
                id: s
                title: stop
                steps:
                  - {name: stop K3s on cp-1, run: systemctl stop k3s, on: cp-1}
                  - {name: look, observe: nodes, from: cp-1, as: n}
                  - {name: cp-1 Ready, check: status, node: cp-1, in: n, is: Ready}
                """);
        ExperimentRecord e = run.experiments().get(0);
        assertThat(e.steps().get(0).message()).contains("exited 5, expected exit status 0")
                .contains("Failed to stop k3s.service");
        assertThat(e.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(e.evidence()).hasSize(5).contains("evidence/s/cp-3.txt");
        assertThat(Files.readString(runDir.resolve("evidence/s/cp-1.txt"))).contains("$ journalctl -u k3s --no-pager -n 300")
                .contains("-- No entries --");
        assertThat(f.lab.actions).doesNotContain("save after-s");
    }

    @Test
    void theNodeTokenFlowsThroughARunVariableAndIsMaskedInEveryRecord() {
        EngineFixture f = new EngineFixture(runDir);
        String token = recorded("token/exp2-cp1-node-token.txt").strip();
        f.shells.on("cp-1", "node-token", ok(token + "\n")).on("cp-2", "k3s-install.sh", ok("[INFO]  systemd: Starting k3s\n"));
        RunRecord run = f.run("""
                id: t
                title: token
                steps:
                  - {name: read the token, run: cat /var/lib/rancher/k3s/server/node-token, on: cp-1, capture: token, secret: true}
                  - {name: join cp-2, run: 'K3S_TOKEN="${token}" /usr/local/bin/k3s-install.sh', on: cp-2}
                """);
        assertThat(f.shells.sent()).contains("cp-1: cat /var/lib/rancher/k3s/server/node-token",
                "cp-2: K3S_TOKEN=\"" + token + "\" /usr/local/bin/k3s-install.sh");
        ExperimentRecord e = run.experiments().get(0);
        assertThat(e.verdict()).isEqualTo(Verdict.PASS);
        assertThat(e.steps().get(0).commands()).singleElement().satisfies(c -> {
            assertThat(c.command()).isEqualTo("cat /var/lib/rancher/k3s/server/node-token");
            assertThat(c.stdout()).isEqualTo("******** (captured as token)");
        });
        String everything = e.steps().toString();
        assertThat(everything).doesNotContain(token).doesNotContain("96039607a727f087dece9a9fffa1f0bf")
                .contains("K3S_TOKEN=\"********\"").contains("******** (captured as token)");
    }

    @Test
    void aSecretReadWithoutExitStatusIsUnknownAndItsPartialOutputIsKeptNowhere() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "node-token", new ScriptedShells.Answer(null, "K10half-read", "[k3s-lab] no exit status: the"
                + " connection was lost while the command ran")).on(null, "journalctl", ok(""));
        RunRecord run = f.run(FIRST);
        StepRecord read = run.experiments().get(0).steps().get(0);
        assertThat(read.outcome()).isEqualTo(Verdict.UNKNOWN);
        assertThat(read.message()).contains("cp-1: reading a secret with 'cat /var/lib/rancher/k3s/server/node-token'"
                + " no exit status received").contains("the connection was lost");
        assertThat(run.toString()).doesNotContain("half-read");
    }

    @Test
    void aMonitorSamplesEveryIntervalOfLabTimeWhileStepsRun() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "kubectl get nodes", ok(recorded("kubectl/exp4a-cp3-wide.txt")))
                .on("cp-1", "member list", ok(recorded("etcdctl/exp4a-cp3-member-list.txt")))
                .on("cp-1", "endpoint status", ok(recorded("etcdctl/exp4a-cp1-endpoint-status.txt")));
        RunRecord run = f.run(MONITOR_HALF_A_MINUTE);
        assertThat(run.timeline()).hasSize(7);
        assertThat(run.timeline().get(1).at()).isEqualTo(run.timeline().get(0).at().plusSeconds(5));
        assertThat(run.timeline().get(3)).extracting("from", "experiment", "step", "members", "learners", "raftTerm", "error")
                .containsExactly("cp-1", "m", "half a minute passes", 3, 0, 4L, null);
        assertThat(run.timeline().get(3).nodes()).hasSize(5);
        assertThat(f.shells.sent()).contains("cp-1: " + Observer.STATUS);
    }

    private static final String MONITOR_HALF_A_MINUTE = """
            id: m
            title: monitor
            steps:
              - {name: start the monitor, monitor: start, on: cp-1, every: 5s}
              - {name: half a minute passes, hold: 30s}
              - {name: stop the monitor, monitor: stop}
            """;

    @Test
    void theMonitorReadsRaftTermEachSampleAndNotesWhenEtcdDoesNotAnswerWithoutFailingTheRun() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "kubectl get nodes", ok(recorded("kubectl/exp4a-cp3-wide.txt")))
                .on("cp-1", "member list", ok(recorded("etcdctl/exp4a-cp3-member-list.txt")))
                .on("cp-1", "endpoint status", ok(recorded("etcdctl/exp2-cp1-endpoint-status.txt")),
                        exit(1, recorded("etcdctl/exp4b-cp3-endpoint-status-failed.txt")),
                        ok("ENDPOINT STATUS\nnot a table\n"),
                        ok(recorded("etcdctl/exp4a-cp1-endpoint-status.txt")));
        RunRecord run = f.run(MONITOR_HALF_A_MINUTE);
        assertThat(run.verdict()).isEqualTo(Verdict.PASS);
        assertThat(run.timeline()).extracting(s -> s.raftTerm()).containsExactly(2L, null, null, 4L, 4L, 4L, 4L);
        assertThat(run.timeline().get(1).error())
                .isEqualTo("status: Failed to get the status of endpoint 127.0.0.1:2379 (context deadline exceeded)");
        assertThat(run.timeline().get(2).error()).startsWith("status: ");
        assertThat(run.timeline().subList(1, 3)).allSatisfy(s -> {
            assertThat(s.members()).isEqualTo(3);
            assertThat(s.nodes()).hasSize(5);
        });
    }

    private static final String FIRST = """
            id: a
            title: first
            steps:
              - {name: read the token, run: cat /var/lib/rancher/k3s/server/node-token, on: cp-1, capture: token, secret: true}
            """;
    private static final String SECOND = """
            id: b
            title: second
            requires: [a]
            steps:
              - {name: use it, run: 'echo "${token}" > /dev/null', on: cp-2}
            """;

    @Test
    void startingLaterRestoresTheCheckpointOfThePrerequisiteAndReadsItsVariablesAgain() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "node-token", ok("K10abc::server:xyz\n")).on("cp-2", "echo", ok(""));
        ScenarioSet set = EngineFixture.load(FIRST, SECOND);
        assertThat(f.run(set, RunPlan.Selection.all()).verdict()).isEqualTo(Verdict.PASS);
        assertThat(f.lab.checkpoints).containsExactly("after-a", "after-b");
        f.progress.clear();
        RunRecord again = f.run(set, new RunPlan.Selection(java.util.List.of(), "b"));
        assertThat(again.verdict()).isEqualTo(Verdict.PASS);
        assertThat(again.experiments()).extracting(ExperimentRecord::id).containsExactly("b");
        assertThat(again.experiments().get(0).restoredFromCheckpoint()).isEqualTo("after-a");
        assertThat(again.experiments().get(0).steps().get(0).name()).startsWith("read token again");
        assertThat(again.notes()).first().asString().startsWith("starting at b from checkpoint after-a");
        assertThat(f.lab.actions).contains("restore after-a");
    }

    @Test
    void theObservationsOfSkippedExperimentsAreReadBackFromBesideTheCheckpoint() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "member list", ok(recorded("etcdctl/exp5a-cp1-member-list.txt")),
                ok(recorded("etcdctl/exp5c-cp1-monitor-070020-member-list.txt")));
        ScenarioSet set = EngineFixture.load("""
                id: a
                title: first
                steps:
                  - {name: members before, observe: members, from: cp-1, as: before}
                """, """
                id: b
                title: second
                requires: [a]
                steps:
                  - {name: members after, observe: members, from: cp-1, as: after}
                  - {name: cp-3 has a new member ID, check: member-voter, node: cp-3, in: after, id-new-against: a/before}
                """);
        f.run(set, new RunPlan.Selection(java.util.List.of("a"), null));
        RunRecord later = f.run(set, new RunPlan.Selection(java.util.List.of("b"), null));
        assertThat(later.notes()).contains("restored checkpoint after-a and the 1 observations made before it");
        CheckRecord c = later.experiments().get(0).checks().get(0);
        assertThat(c.verdict()).as(c.toString()).isEqualTo(Verdict.PASS);
        assertThat(c.observed()).contains("c8f6b8d5b2608446").contains("ID 5b9b4cb496c89f6 in before");
    }

    @Test
    void withoutACheckpointStartingLaterReplaysThePrerequisitesAndSaysSo() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "node-token", ok("secret\n")).on("cp-2", "echo", ok(""));
        RunRecord run = f.run(EngineFixture.load(FIRST, SECOND), new RunPlan.Selection(java.util.List.of(), "b"));
        assertThat(run.experiments()).extracting(ExperimentRecord::id).containsExactly("a", "b");
        assertThat(run.notes()).first().asString().isEqualTo("no checkpoint after-a on the fake provider: replaying a before b");
    }

    @Test
    void anExperimentWhosePrerequisiteFailedIsNotRunAndDoesNotTurnTheFailIntoUnknown() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "node-token", exit(1, "cat: /var/lib/rancher/k3s/server/node-token: No such file or directory"))
                .on(null, "journalctl", ok(""));
        RunRecord run = f.run(EngineFixture.load(FIRST, SECOND), RunPlan.Selection.all());
        assertThat(run.experiments()).extracting(ExperimentRecord::verdict).as(run.toString()).containsExactly(Verdict.FAIL, Verdict.UNKNOWN);
        assertThat(run.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(run.notes()).contains("not running b: a, whose end state it starts from, ended FAIL");
    }

    @Test
    void editUnitDeletesTheFlagLineAndItsValueLineThenReloadsSystemd() {
        EngineFixture f = new EngineFixture(runDir);
        String unit = recorded("systemd/exp2-cp2-k3s.service.real.txt");
        f.shells.on("cp-2", "cat /etc/systemd/system/k3s.service", ok(unit.substring(unit.indexOf('\n') + 1)))
                .on("cp-2", "sed -i", ok("")).on("cp-2", "daemon-reload", ok(""));
        RunRecord run = f.run("""
                id: e
                title: edit
                steps:
                  - {name: delete --server from cp-2's unit, edit-unit: cp-2, delete-flag: --server}
                  - {name: reboot cp-2, reboot: cp-2}
                """);
        assertThat(run.verdict()).isEqualTo(Verdict.PASS);
        assertThat(f.shells.sent()).contains("cp-2: sed -i '31,32d' /etc/systemd/system/k3s.service",
                "cp-2: systemctl daemon-reload", "cp-2: reconnect");
        assertThat(f.lab.actions).contains("reboot cp-2");
        assertThat(run.experiments().get(0).steps().get(0).message())
                .isEqualTo("deleted lines 31-32 ('--server' \\ 'https://192.168.56.11:6443' \\) of /etc/systemd/system/k3s.service");
    }
}
