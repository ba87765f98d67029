package dev.k3slab.scenario;

import static dev.k3slab.scenario.ScriptedShells.ok;
import static dev.k3slab.scenario.ScriptedShells.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.record.RunRecord;
import dev.k3slab.scenario.junit.ScenarioSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ScenarioSuiteTest {
    @TempDir
    Path runDir;

    /** Runs dynamic nodes the way JUnit does (depth first, in order) and lists "name: outcome". */
    private static void execute(Stream<? extends DynamicNode> nodes, String indent, List<String> out) {
        nodes.forEach(n -> {
            if (n instanceof DynamicContainer c) {
                out.add(indent + c.getDisplayName());
                execute(c.getChildren(), indent + "  ", out);
            } else {
                DynamicTest t = (DynamicTest) n;
                try {
                    t.getExecutable().execute();
                    out.add(indent + t.getDisplayName() + ": passed");
                } catch (AssertionFailedError e) {
                    out.add(indent + t.getDisplayName() + ": failed: " + e.getMessage().lines().findFirst().orElse(""));
                } catch (TestAbortedException e) {
                    out.add(indent + t.getDisplayName() + ": aborted: " + e.getMessage().lines().findFirst().orElse(""));
                } catch (Throwable e) {
                    out.add(indent + t.getDisplayName() + ": error " + e);
                }
            }
        });
    }

    @Test
    void eachExperimentIsAContainerWithATestPerCheckAndTheRunEndsWithItsVerdict() {
        EngineFixture f = new EngineFixture(runDir);
        f.shells.on("cp-1", "kubectl get nodes", ok(recorded("kubectl/exp1-cp1-wide.txt")));
        ScenarioSet set = EngineFixture.load("""
                id: "1"
                title: single control plane
                steps:
                  - {name: look at the nodes from cp-1, observe: nodes, from: cp-1, as: n}
                  - {name: cp-1 is Ready, check: status, node: cp-1, in: n, is: Ready}
                  - {name: "cp-1 has ROLES control-plane,master", check: roles, node: cp-1, in: n, is: "control-plane,master"}
                """, """
                id: "2"
                title: three etcd servers
                requires: ["1"]
                steps:
                  - {name: look at the nodes from cp-1, observe: nodes, from: cp-1, as: n}
                  - {name: "cp-1 has ROLES control-plane,etcd,master", check: roles, node: cp-1, in: n, is: "control-plane,etcd,master"}
                  - {name: cp-1 keeps its AGE, check: age-kept, node: cp-1, between: [n, 1/n]}
                """);
        AtomicReference<RunRecord> finished = new AtomicReference<>();
        List<String> out = new ArrayList<>();
        try (LabSession lab = f.session()) {
            ScenarioEngine.Session session = new ScenarioEngine(lab, Progress.NONE).start(set, RunPlan.Selection.all());
            execute(ScenarioSuite.of(session, finished::set), "", out);
        }
        assertThat(out).containsExactly(
                "1 — single control plane",
                "  the steps of 1 ran as written: passed",
                "  cp-1 is Ready: passed",
                "  cp-1 has ROLES control-plane,master: passed",
                "2 — three etcd servers",
                "  the steps of 2 ran as written: passed",
                "  cp-1 has ROLES control-plane,etcd,master: failed: FAIL: cp-1 has ROLES control-plane,etcd,master",
                "  cp-1 keeps its AGE: passed",
                "the run's verdict: failed: FAIL: run " + runDir.getFileName() + " on fake");
        assertThat(finished.get().experiments()).hasSize(2);
    }

    @Test
    void anObservationOfAnExperimentThatDidNotRunMakesTheCheckAbortAsUnknown() {
        EngineFixture f = new EngineFixture(runDir);
        f.lab.checkpoints.add("after-1");
        f.shells.on("cp-1", "kubectl get nodes", ok(recorded("kubectl/exp1-cp1-wide.txt")));
        ScenarioSet set = EngineFixture.load("""
                id: "1"
                title: single control plane
                steps:
                  - {name: look, observe: nodes, from: cp-1, as: n}
                """, """
                id: "2"
                title: later
                requires: ["1"]
                steps:
                  - {name: look, observe: nodes, from: cp-1, as: n}
                  - {name: cp-1 keeps its AGE, check: age-kept, node: cp-1, between: [1/n, n]}
                """);
        List<String> out = new ArrayList<>();
        try (LabSession lab = f.session()) {
            ScenarioEngine.Session session = new ScenarioEngine(lab, Progress.NONE).start(set, new RunPlan.Selection(List.of("2"), null));
            execute(ScenarioSuite.of(session, r -> { }), "", out);
        }
        assertThat(out).contains("  cp-1 keeps its AGE: aborted: UNKNOWN: cp-1 keeps its AGE");
        assertThat(out.get(out.size() - 1)).startsWith("the run's verdict: failed: UNKNOWN");
    }
}
