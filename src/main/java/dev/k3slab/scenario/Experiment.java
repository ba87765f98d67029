package dev.k3slab.scenario;

import dev.k3slab.check.Observations;
import dev.k3slab.check.Observed;
import dev.k3slab.record.BootCaseRecord;
import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.SplitBrainRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one running experiment has gathered: its observations (also kept run-wide as
 * {@code <id>/<name>}), check records, the split-brain row and boot cases.
 */
final class Experiment implements Observations {
    final Scenario scenario;
    private final RunState run;
    final Map<String, Observed> observations = new LinkedHashMap<>();
    final List<CheckRecord> checks = new ArrayList<>();
    final List<BootCaseRecord> bootCases = new ArrayList<>();
    SplitBrainRecord splitBrain;
    volatile String currentStep = "";

    Experiment(Scenario scenario, RunState run) {
        this.scenario = scenario;
        this.run = run;
    }

    void observed(Observed o) {
        observations.put(o.record().name(), o);
        run.observations.put(scenario.id() + "/" + o.record().name(), o);
    }

    /** A plain name is this experiment's observation; {@code <id>/<name>} one of an earlier experiment of the run. */
    @Override
    public Optional<Observed> find(String name) {
        return name.contains("/") ? Optional.ofNullable(run.observations.get(name)) : Optional.ofNullable(observations.get(name));
    }
}
