package dev.k3slab.scenario.junit;

import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import dev.k3slab.scenario.Scenario;
import dev.k3slab.scenario.ScenarioEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A run of the engine as JUnit 5 dynamic tests: a container per experiment, named like
 * EXPERIMENTS.md ("4b — etcd WAL deleted: cp-3 starts a second cluster"), holding a test for its
 * steps and a test per check, named by the check's sentence. Experiments run in order, each when
 * JUnit reaches its container. PASS passes, FAIL fails with the evidence, UNKNOWN aborts (JUnit's
 * third outcome) with the reason. A last test finishes the run, hands the record to
 * {@code onFinish} (to write the report) and fails unless the run's verdict is PASS: an UNKNOWN
 * run is not a green build.
 */
public final class ScenarioSuite {

    private ScenarioSuite() {
    }

    /** The tests of {@code session}; {@code onFinish} receives the run record once every experiment has run. */
    public static Stream<DynamicNode> of(ScenarioEngine.Session session, Consumer<RunRecord> onFinish) {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Scenario s : session.experiments()) {
            nodes.add(DynamicContainer.dynamicContainer(s.displayName(), Stream.of(s).flatMap(x -> tests(session.next()))));
        }
        nodes.add(DynamicTest.dynamicTest("the run's verdict", () -> {
            while (session.hasNext()) {
                session.next();
            }
            RunRecord run = session.finish();
            onFinish.accept(run);
            if (run.verdict() != Verdict.PASS) {
                throw new AssertionFailedError(run.verdict() + ": run " + run.runId() + " on " + run.provider()
                        + "\nexperiments: " + run.experiments().stream().map(e -> e.id() + " " + e.verdict()).toList()
                        + (run.notes().isEmpty() ? "" : "\nnotes:\n  " + String.join("\n  ", run.notes())));
            }
        }));
        return nodes.stream();
    }

    private static Stream<DynamicNode> tests(ExperimentRecord e) {
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the steps of " + e.id() + " ran as written", () -> steps(e)));
        for (CheckRecord c : e.checks()) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> report(c.verdict(), c.name(), c.evidence().isEmpty()
                    ? "expected: " + c.expected() + "\nobserved: " + c.observed() : c.evidence())));
        }
        return tests.stream();
    }

    private static void steps(ExperimentRecord e) {
        Verdict worst = Verdict.PASS;
        StringBuilder sb = new StringBuilder();
        for (StepRecord s : e.steps()) {
            if (s.outcome() != Verdict.PASS && !"check".equals(s.kind()) && !"verdict".equals(s.kind())
                    && !"boot-case".equals(s.kind())) {
                worst = worst.and(s.outcome());
                sb.append("\nstep ").append(s.index() + 1).append(" '").append(s.name()).append("': ").append(s.outcome())
                        .append("\n  ").append(s.message().replace("\n", "\n  "));
            }
        }
        if (e.steps().isEmpty()) {
            worst = Verdict.UNKNOWN;
            sb.append("\n").append(e.checks().isEmpty() ? "the experiment did not run" : e.checks().get(0).observed());
        }
        report(worst, "the steps of " + e.id() + " (" + e.title() + ")", sb.toString().strip()
                + (e.evidence().isEmpty() ? "" : "\nevidence in the run folder: " + e.evidence()));
    }

    private static void report(Verdict v, String what, String details) {
        if (v == Verdict.FAIL) {
            throw new AssertionFailedError("FAIL: " + what + "\n" + details);
        }
        if (v == Verdict.UNKNOWN) {
            throw new TestAbortedException("UNKNOWN: " + what + "\n" + details);
        }
    }
}
