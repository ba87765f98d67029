package dev.k3slab.cli;

import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import dev.k3slab.scenario.Durations;
import dev.k3slab.scenario.Progress;
import dev.k3slab.scenario.Scenario;
import dev.k3slab.scenario.Step;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What {@code ./lab run} prints while it runs: a line when a step starts and when it ends (with
 * the experiment, the step and how long it took), a wait's progress against its bound at most
 * every few seconds of real time, and each experiment's verdict.
 */
final class ConsoleProgress implements Progress {
    static final Duration WAIT_LINE_EVERY = Duration.ofSeconds(3);

    private final PrintWriter out;
    private final LongSupplier nanos;
    private int stepCount;
    private long lastWaitLine = Long.MIN_VALUE;

    ConsoleProgress(PrintWriter out) {
        this(out, System::nanoTime);
    }

    ConsoleProgress(PrintWriter out, LongSupplier nanos) {
        this.out = out;
        this.nanos = nanos;
    }

    @Override
    public void note(String line) {
        out.println("-- " + line);
        out.flush();
    }

    @Override
    public void experimentStarted(Scenario scenario) {
        stepCount = scenario.steps().size();
        out.println();
        out.println("== " + scenario.displayName());
        out.flush();
    }

    @Override
    public void stepStarted(Scenario scenario, Step step) {
        if (isJudgement(step)) {
            return;
        }
        out.println("[" + scenario.id() + "] " + (step.header().index() + 1) + "/" + stepCount + " " + step.name() + " ...");
        out.flush();
        lastWaitLine = Long.MIN_VALUE;
    }

    @Override
    public void stepFinished(Scenario scenario, Step step, StepRecord r) {
        String took = Durations.format(Duration.ofMillis(r.tookMillis()));
        String lab = r.labMillis() > r.tookMillis() + 1000 ? ", " + Durations.format(Duration.ofMillis(r.labMillis())) + " on the lab clock" : "";
        String detail = r.outcome() == Verdict.PASS ? "" : "\n      " + r.message().replace("\n", "\n      ");
        out.println("[" + scenario.id() + "] " + (step.header().index() + 1) + "/" + stepCount + " " + r.outcome() + "  "
                + step.name() + " (" + took + lab + ")" + detail);
        out.flush();
    }

    @Override
    public void waiting(Scenario scenario, Step step, Duration waited, Duration bound, String lastSeen) {
        long now = nanos.getAsLong();
        if (lastWaitLine != Long.MIN_VALUE && now - lastWaitLine < WAIT_LINE_EVERY.toNanos()) {
            return;
        }
        lastWaitLine = now;
        out.println("[" + scenario.id() + "]      waiting: " + step.name() + ": " + Durations.format(waited) + " of "
                + Durations.format(bound));
        out.flush();
    }

    @Override
    public void experimentFinished(ExperimentRecord r) {
        long passed = r.checks().stream().filter(c -> c.verdict() == Verdict.PASS).count();
        out.println("== " + r.id() + " " + r.verdict() + ": " + passed + " of " + r.checks().size() + " checks passed"
                + (r.evidence().isEmpty() ? "" : "; evidence: " + String.join(", ", r.evidence())));
        out.flush();
    }

    private static boolean isJudgement(Step step) {
        return step instanceof Step.Check || step instanceof Step.Verdict || step instanceof Step.BootCase;
    }
}
