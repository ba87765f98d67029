package dev.k3slab.scenario;

import dev.k3slab.machine.MachineException;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import dev.k3slab.shell.ShellException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of one experiment in order and writes its record. A step that acts on the lab
 * (run, background, reboot, edit-unit, wait) and does not PASS stops the experiment: the steps
 * after it are recorded as not run and its checks as UNKNOWN ("not evaluated"). The experiment's
 * verdict is the worst of the steps that ran and the checks that were evaluated: what was not
 * reached because of a FAIL does not turn that FAIL into UNKNOWN. Never throws for what the
 * cluster does.
 */
final class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final LabSession lab;
    private final RunState run;
    private final Progress progress;
    private final Map<String, String> backgroundLogs = new LinkedHashMap<>();
    private final StepExecutor executor;

    ExperimentRunner(LabSession lab, RunState run, Progress progress) {
        this.lab = lab;
        this.run = run;
        this.progress = progress;
        this.executor = new StepExecutor(lab, run, backgroundLogs, progress);
    }

    /** Runs {@code steps} of {@code s} (its own, after any {@code before} steps replayed for it). */
    ExperimentRecord run(Scenario s, List<Step> before, String restoredFrom) {
        Experiment e = new Experiment(s, run);
        Instant started = Instant.now();
        Instant labStarted = lab.time().now();
        progress.experimentStarted(s);
        List<StepRecord> steps = new ArrayList<>();
        Verdict verdict = Verdict.PASS;
        String stoppedAt = null;
        List<Step> all = new ArrayList<>(before);
        all.addAll(s.steps());
        for (int i = 0; i < all.size(); i++) {
            Step step = all.get(i);
            if (stoppedAt != null) {
                steps.add(notRun(i, step, stoppedAt));
                NotRun.check(step, "the experiment stopped at " + stoppedAt).ifPresent(e.checks::add);
                continue;
            }
            StepRecord r = runStep(i, step, e);
            steps.add(r);
            verdict = verdict.and(r.outcome());
            if (r.outcome() != Verdict.PASS && stops(step)) {
                stoppedAt = "step " + (i + 1) + " '" + step.name() + "' ended " + r.outcome();
            }
        }
        executor.stopMonitor();
        List<String> evidence = verdict == Verdict.PASS ? List.of()
                : new EvidenceCollector(lab, executor.commands()).collect(s.id(), backgroundLogs);
        ExperimentRecord record = new ExperimentRecord(s.id(), s.title(), s.file(), verdict, started,
                Duration.between(started, Instant.now()).toMillis(), Duration.between(labStarted, lab.time().now()).toMillis(),
                restoredFrom, steps, e.observations.values().stream().map(o -> o.record()).toList(), e.checks,
                e.splitBrain, e.bootCases, evidence);
        progress.experimentFinished(record);
        return record;
    }

    private StepRecord runStep(int index, Step step, Experiment e) {
        e.currentStep = step.name();
        progress.stepStarted(e.scenario, step);
        Instant started = Instant.now();
        Instant labStarted = lab.time().now();
        StepExecutor.Done done;
        executor.commands().drain();
        try {
            done = executor.execute(step, e);
        } catch (StepFailure f) {
            done = new StepExecutor.Done(f.verdict(), f.getMessage());
        } catch (ShellException | MachineException x) {
            done = new StepExecutor.Done(Verdict.UNKNOWN, "the harness could not act on the lab: " + x.getMessage());
        } catch (RuntimeException x) {
            LOG.error("step '{}' of {} broke the harness", step.name(), e.scenario.id(), x);
            done = new StepExecutor.Done(Verdict.UNKNOWN, "the harness broke: " + x);
        }
        StepRecord r = new StepRecord(index, step.name(), step.kind(), step.node().orElse(null), started,
                Duration.between(started, Instant.now()).toMillis(), labStarted,
                Duration.between(labStarted, lab.time().now()).toMillis(), done.outcome(),
                lab.masker().mask(done.message()), executor.commands().drain());
        progress.stepFinished(e.scenario, step, r);
        return r;
    }

    private static boolean stops(Step step) {
        return step instanceof Step.Run || step instanceof Step.Background || step instanceof Step.Reboot
                || step instanceof Step.EditUnit || step instanceof Step.Wait;
    }

    private StepRecord notRun(int index, Step step, String why) {
        Instant now = Instant.now();
        return new StepRecord(index, step.name(), step.kind(), step.node().orElse(null), now, 0, lab.time().now(), 0,
                Verdict.UNKNOWN, "not run: the experiment stopped at " + why, List.of());
    }
}
