package dev.k3slab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.k3slab.record.RunRecord;
import dev.k3slab.yaml.YamlProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fake lab, scripted shells and an engine over scenario texts, for engine tests. */
final class EngineFixture {
    final FakeLab lab = new FakeLab();
    final ScriptedShells shells = new ScriptedShells();
    final List<String> progress = new ArrayList<>();
    private final Path runDir;

    EngineFixture(Path runDir) {
        this.runDir = runDir;
    }

    static ScenarioSet load(String... yamls) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < yamls.length; i++) {
            texts.put("test-" + i + ".yaml", yamls[i]);
        }
        ScenarioLoader.Loaded loaded = new ScenarioLoader(TestTopology.standard()).loadTexts(texts);
        assertThat(loaded.problems()).extracting(YamlProblem::toString).isEmpty();
        return loaded.set().orElseThrow();
    }

    LabSession session() {
        return new LabSession(lab, TestTopology.standard(), shells::open, shells.masker, runDir, runDir.resolve("kept"));
    }

    RunRecord run(ScenarioSet set, RunPlan.Selection selection) {
        try (LabSession s = session()) {
            return new ScenarioEngine(s, recording()).run(set, selection);
        }
    }

    RunRecord run(String... yamls) {
        return run(load(yamls), RunPlan.Selection.all());
    }

    Progress recording() {
        return new Progress() {
            @Override
            public void note(String line) {
                progress.add("note: " + line);
            }

            @Override
            public void stepFinished(Scenario scenario, Step step, dev.k3slab.record.StepRecord record) {
                progress.add(scenario.id() + " " + step.name() + ": " + record.outcome());
            }

            @Override
            public void waiting(Scenario scenario, Step step, java.time.Duration waited, java.time.Duration bound, String lastSeen) {
                progress.add("waited " + Durations.format(waited) + " of " + Durations.format(bound));
            }
        };
    }
}
