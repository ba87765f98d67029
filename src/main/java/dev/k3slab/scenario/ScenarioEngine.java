package dev.k3slab.scenario;

import dev.k3slab.check.Observed;
import dev.k3slab.machine.Checkpoints;
import dev.k3slab.machine.MachineException;
import dev.k3slab.machine.MachineProvider;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.Verdict;
import dev.k3slab.topology.LabNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plays scenarios on one lab, in order, and returns the run's record: the one engine behind
 * {@code ./lab run} and the JUnit suites. It brings the lab up, restores a checkpoint or replays
 * prerequisites as the {@link RunPlan} says (and says so), runs each experiment, saves a
 * checkpoint after each one that passed, and skips an experiment whose starting state is not
 * there. It never throws for what the cluster does; the provider and shells are the caller's to
 * close.
 */
public final class ScenarioEngine {
    private final LabSession lab;
    private final Progress progress;

    public ScenarioEngine(LabSession lab, Progress progress) {
        this.lab = lab;
        this.progress = progress;
    }

    /** Runs the whole plan. */
    public RunRecord run(ScenarioSet set, RunPlan.Selection selection) {
        Session s = start(set, selection);
        while (s.hasNext()) {
            s.next();
        }
        return s.finish();
    }

    /** Starts a run that the caller steps through one experiment at a time (the JUnit suites do). */
    public Session start(ScenarioSet set, RunPlan.Selection selection) {
        return new Session(set, RunPlan.of(set, selection, lab.provider()));
    }

    /** A run in progress. Not thread-safe. */
    public final class Session {
        private final ScenarioSet set;
        private final RunPlan plan;
        private final RunState run = new RunState();
        private final ExperimentRunner runner;
        private final List<ExperimentRecord> done = new ArrayList<>();
        private final Set<String> consequences = new HashSet<>();
        private final Instant started = Instant.now();
        private final CheckpointObservations kept = new CheckpointObservations(lab.checkpointData());
        private String labBroken;
        private String current;
        private boolean first = true;

        private Session(ScenarioSet set, RunPlan plan) {
            this.set = set;
            this.plan = plan;
            this.runner = new ExperimentRunner(lab, run, progress);
            plan.notes().forEach(this::note);
            try {
                lab.provider().up();
            } catch (MachineException e) {
                labBroken = "the lab did not come up: " + e.getMessage();
                note(labBroken);
            }
        }

        /** The experiments this run plays, in order. */
        public List<Scenario> experiments() {
            return plan.experiments();
        }

        public boolean hasNext() {
            return done.size() < plan.experiments().size();
        }

        /** Runs the next experiment (or records why it cannot run) and returns its record. */
        public ExperimentRecord next() {
            Scenario s = plan.experiments().get(done.size());
            ExperimentRecord r = runOrSkip(s);
            done.add(r);
            if (r.verdict() == Verdict.PASS && !consequences.contains(s.id()) && lab.provider() instanceof Checkpoints c) {
                try {
                    c.saveCheckpoint(RunPlan.CHECKPOINT_PREFIX + s.id());
                    progress.note("saved checkpoint " + RunPlan.CHECKPOINT_PREFIX + s.id());
                    kept.save(RunPlan.CHECKPOINT_PREFIX + s.id(), run.observations).ifPresent(this::note);
                } catch (MachineException e) {
                    note("could not save checkpoint " + RunPlan.CHECKPOINT_PREFIX + s.id() + ": " + e.getMessage());
                }
            }
            return r;
        }

        private ExperimentRecord runOrSkip(Scenario s) {
            if (labBroken != null) {
                return notRun(s, labBroken, false);
            }
            String restored = null;
            List<Step> before = List.of();
            if (first && plan.restore() != null) {
                String problem = restore(plan.restore());
                if (problem != null) {
                    labBroken = problem;
                    return notRun(s, problem, false);
                }
                restored = plan.restore();
                before = recaptureSteps();
                current = plan.restore().substring(RunPlan.CHECKPOINT_PREFIX.length());
            }
            first = false;
            Optional<Scenario> start = set.startState(s);
            String wanted = start.map(Scenario::id).orElse(null);
            Optional<ExperimentRecord> ran = done.stream().filter(d -> d.id().equals(wanted)).findFirst();
            if (ran.isPresent() && ran.get().verdict() != Verdict.PASS) {
                boolean skipped = consequences.contains(wanted);
                return notRun(s, wanted + ", whose end state it starts from, " + (skipped ? "did not run" : "ended " + ran.get().verdict()), true);
            }
            if (wanted != null && !wanted.equals(current)) {
                String checkpoint = RunPlan.CHECKPOINT_PREFIX + wanted;
                if (!(lab.provider() instanceof Checkpoints c) || !c.checkpoints().contains(checkpoint)) {
                    return notRun(s, "it starts from the state " + wanted + " leaves, the lab is in "
                            + (current == null ? "its first state" : "the state " + current + " leaves")
                            + ", and the provider has no checkpoint " + checkpoint, false);
                }
                String problem = restore(checkpoint);
                if (problem != null) {
                    return notRun(s, problem, false);
                }
                restored = checkpoint;
            } else if (wanted == null && current != null) {
                return notRun(s, "it starts from a fresh lab, and the lab is in the state " + current + " leaves", false);
            }
            current = s.id();
            return runner.run(s, before, restored);
        }

        /** Restores a checkpoint; the problem in words when it fails, else null. */
        private String restore(String checkpoint) {
            try {
                ((Checkpoints) lab.provider()).restoreCheckpoint(checkpoint);
                for (LabNode n : lab.topology().nodes()) {
                    lab.shell(n.name()).reconnect(Duration.ofMinutes(2));
                }
                Map<String, Observed> earlier = kept.load(checkpoint);
                earlier.forEach(run.observations::putIfAbsent);
                note("restored checkpoint " + checkpoint + (earlier.isEmpty() ? ""
                        : " and the " + earlier.size() + " observations made before it"));
                return null;
            } catch (RuntimeException e) {
                return "could not restore checkpoint " + checkpoint + ": " + e.getMessage();
            }
        }

        /** The capture steps of the skipped prerequisites, named so that the transcript says why they run. */
        private List<Step> recaptureSteps() {
            List<Step> steps = new ArrayList<>();
            for (Step st : plan.recapture()) {
                Step.Run r = (Step.Run) st;
                Step.Header h = r.header();
                steps.add(new Step.Run(new Step.Header(h.index(), "read " + r.capture() + " again (as step '" + h.name()
                        + "' did before the checkpoint)", h.file(), h.line(), h.path()), r.on(), r.command(), r.expectExit(),
                        r.expectOutput(), r.timeout(), r.capture(), r.secret()));
            }
            return steps;
        }

        private ExperimentRecord notRun(Scenario s, String why, boolean consequence) {
            if (consequence) {
                consequences.add(s.id());
            }
            // The lab's failure is printed once, when it happens; each experiment's record keeps it whole.
            boolean alreadySaid = why.equals(labBroken) && run.notes.contains(why);
            note("not running " + s.id() + ": " + (alreadySaid ? firstLine(why) + " (the whole message is above)" : why));
            ExperimentRecord r = new ExperimentRecord(s.id(), s.title(), s.file(), Verdict.UNKNOWN, Instant.now(), 0, 0,
                    null, List.of(), List.of(), NotRun.checks(s, why), null, List.of(), List.of());
            progress.experimentFinished(r);
            return r;
        }

        private static String firstLine(String text) {
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        }

        private void note(String line) {
            run.notes.add(line);
            progress.note(line);
        }

        /**
         * The run's record. Its verdict is the worst of the experiments that ran or could not run
         * for a reason of their own; one skipped because a prerequisite did not pass adds nothing.
         */
        public RunRecord finish() {
            Verdict verdict = done.stream().filter(r -> !consequences.contains(r.id()))
                    .map(ExperimentRecord::verdict).reduce(Verdict.PASS, Verdict::and);
            MachineProvider p = lab.provider();
            List<String> nodes = lab.topology().nodes().stream()
                    .map(n -> n.name() + " " + n.ip() + " " + n.role().word()).toList();
            return new RunRecord(lab.runDir().getFileName().toString(), p.id(), p.description(), lab.time().emulated(),
                    lab.topology().k3sVersion(), nodes, started, Duration.between(started, Instant.now()).toMillis(),
                    verdict, done, List.copyOf(run.timeline), run.notes);
        }

    }
}
