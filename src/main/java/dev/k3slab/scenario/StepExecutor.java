package dev.k3slab.scenario;

import dev.k3slab.check.BootCaseJudge;
import dev.k3slab.check.CheckEvaluator;
import dev.k3slab.check.Condition;
import dev.k3slab.check.ConditionEvaluator;
import dev.k3slab.check.Observed;
import dev.k3slab.check.Outcome;
import dev.k3slab.check.SplitBrainJudge;
import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.Verdict;
import java.util.Map;

/**
 * Runs one step of an experiment and says how it went: a message, or a {@link StepFailure}.
 * Judging steps add their records to the {@link Experiment}; their step outcome is their verdict.
 */
final class StepExecutor {
    private final LabSession lab;
    private final RunState run;
    private final Commands commands;
    private final Observer observer;
    private final ActionSteps actions;
    private final Waits waits;
    private final Progress progress;
    private Monitor monitor;

    StepExecutor(LabSession lab, RunState run, Map<String, String> backgroundLogs, Progress progress) {
        this.lab = lab;
        this.run = run;
        this.commands = new Commands(lab, run);
        this.observer = new Observer(commands, lab.time());
        this.actions = new ActionSteps(lab, commands, run, backgroundLogs);
        this.waits = new Waits(lab.time());
        this.progress = progress;
    }

    Commands commands() {
        return commands;
    }

    /** What a step did: its outcome and a message. */
    record Done(Verdict outcome, String message) {
    }

    Done execute(Step step, Experiment e) {
        if (step instanceof Step.Run s) {
            return ok(actions.run(s, e.scenario.id()));
        } else if (step instanceof Step.Background s) {
            return ok(actions.background(s));
        } else if (step instanceof Step.Reboot s) {
            return ok(actions.reboot(s));
        } else if (step instanceof Step.EditUnit s) {
            return ok(actions.editUnit(s));
        } else if (step instanceof Step.Wait s) {
            return waitFor(s, e);
        } else if (step instanceof Step.Hold s) {
            lab.time().pass(s.duration());
            return ok(Durations.format(s.duration()) + " passed on the lab's clock");
        } else if (step instanceof Step.Observe s) {
            return observe(s, e);
        } else if (step instanceof Step.Monitor s) {
            return monitor(s, e);
        } else if (step instanceof Step.Check s) {
            return judged(e, CheckEvaluator.evaluate(s.spec(), e));
        } else if (step instanceof Step.Verdict s) {
            SplitBrainJudge.Judgement j = SplitBrainJudge.judge(s.spec(), e);
            e.splitBrain = j.row();
            return judged(e, j.check());
        }
        Step.BootCase s = (Step.BootCase) step;
        BootCaseJudge.Judgement j = BootCaseJudge.judge(s.spec(), e, e.scenario.id());
        e.bootCases.add(j.row());
        return j.check() == null ? ok(j.row().outcome()) : judged(e, j.check());
    }

    private static Done ok(String message) {
        return new Done(Verdict.PASS, message);
    }

    private static Done judged(Experiment e, CheckRecord c) {
        e.checks.add(c);
        return new Done(c.verdict(), c.verdict() == Verdict.PASS ? c.observed() : c.evidence());
    }

    private Done observe(Step.Observe s, Experiment e) {
        Observed o = observer.observe(s.what(), s.from(), s.as(), s.path(), s.unit());
        e.observed(o);
        var r = o.record();
        if (!r.usable()) {
            return new Done(Verdict.UNKNOWN, "could not observe: " + r.problem());
        }
        return ok(r.unavailable() != null ? "unavailable: " + r.unavailable() : "observed " + r.kind() + " from " + r.from());
    }

    private Done waitFor(Step.Wait s, Experiment e) {
        Waits.Result r = waits.await(s.name(), s.within(), s.poll(), () -> poll(s.until()),
                s.failFast() == null ? null : () -> poll(s.failFast()),
                (waited, last) -> progress.waiting(e.scenario, s, waited, s.within(), last.observed()));
        return new Done(r.verdict(), r.message() + " (" + r.polls() + " polls)");
    }

    /** One fresh observation for a condition; earlier polls' commands are dropped (the last poll's are kept). */
    private Outcome poll(Condition c) {
        commands.drain();
        Observed o = observer.observe(c.form().reads(), c.from(), "poll", null, "k3s");
        return ConditionEvaluator.test(c, o.record());
    }

    private Done monitor(Step.Monitor s, Experiment e) {
        if (s.start()) {
            stopMonitor();
            monitor = Monitor.start(lab, s.on(), s.every(), e.scenario.id(), () -> e.currentStep, run.timeline);
            return ok("monitoring " + s.on() + " every " + Durations.format(s.every()));
        }
        String node = monitor == null ? "nothing" : monitor.node();
        stopMonitor();
        return ok("stopped monitoring " + node);
    }

    /** Stops the monitor, if one runs (at the end of every experiment too). */
    void stopMonitor() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
    }
}
