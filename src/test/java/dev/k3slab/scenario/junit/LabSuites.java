package dev.k3slab.scenario.junit;

import dev.k3slab.report.ReportWriter;
import dev.k3slab.scenario.Labs;
import dev.k3slab.scenario.Progress;
import dev.k3slab.scenario.RunPlan;
import dev.k3slab.scenario.ScenarioEngine;
import dev.k3slab.scenario.ScenarioLoader;
import dev.k3slab.scenario.ScenarioSet;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.topology.Topology;
import dev.k3slab.topology.TopologyLoader;
import dev.k3slab.yaml.YamlProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * What the lab suites share: the scenario files, the run folder under {@code target/k3s-lab-reports/},
 * the engine and the report. A suite opens its lab here and closes it in {@code @AfterAll}.
 */
final class LabSuites {
    static final Path REPORTS = Path.of("target/k3s-lab-reports");

    /** Opens the lab of one suite. */
    interface Opener {
        Labs.Opened open(Topology topology, Path runDir, SecretMasker masker);
    }

    private final List<Labs.Opened> opened = new ArrayList<>();

    /** The dynamic tests of a run of {@code scenarios/} (plus {@code extra} files) on the lab {@code opener} opens. */
    Stream<DynamicNode> play(String name, List<Path> extra, RunPlan.Selection selection, Opener opener) {
        Topology topology = TopologyLoader.loadDefault();
        List<Path> files = new ArrayList<>(ScenarioLoader.filesIn(Path.of("scenarios")));
        files.addAll(extra);
        ScenarioLoader.Loaded loaded = new ScenarioLoader(topology).load(files);
        ScenarioSet set = loaded.set().orElseThrow(() -> new AssertionError("the scenario files have problems:\n"
                + String.join("\n", loaded.problems().stream().map(YamlProblem::toString).toList())));
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + "-" + name;
        Path runDir;
        try {
            runDir = Files.createDirectories(REPORTS.resolve(runId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SecretMasker masker = new SecretMasker();
        Labs.Opened lab = opener.open(topology, runDir, masker);
        opened.add(lab);
        ScenarioEngine.Session session = new ScenarioEngine(lab.session(), Progress.NONE).start(set, selection);
        return ScenarioSuite.of(session, run -> new ReportWriter(masker).write(run, REPORTS));
    }

    /** Closes every lab opened (from {@code @AfterAll}). */
    void close() {
        opened.forEach(Labs.Opened::close);
        opened.clear();
    }
}
