package dev.k3slab.scenario;

import dev.k3slab.machine.DestroyPolicy;
import dev.k3slab.machine.TeardownAdvice;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import dev.k3slab.topology.Topology;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to do with a Vagrant run's machines once the run has ended, and what to tell the user:
 * {@link TeardownAdvice} for the run, pointed at the node of the first step that did not pass
 * (the one worth looking into). {@code ./lab run} prints it; the double's fault tests check it.
 */
public final class RunTeardown {

    private RunTeardown() {
    }

    /** The advice for {@code run}; {@code vagrantDir} as the user should type it. */
    public static TeardownAdvice advise(RunRecord run, Topology topology, Path vagrantDir, DestroyPolicy policy) {
        String focus = run.experiments().stream().filter(e -> e.verdict() != Verdict.PASS)
                .flatMap(e -> e.steps().stream()).filter(s -> s.outcome() != Verdict.PASS)
                .map(StepRecord::node).filter(Objects::nonNull).findFirst().orElse(null);
        return TeardownAdvice.decide(topology, vagrantDir, policy, run.verdict() == Verdict.PASS, focus);
    }
}
