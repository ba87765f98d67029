package dev.k3slab.cli;

import dev.k3slab.scenario.ScenarioLoader;
import dev.k3slab.topology.Topology;
import dev.k3slab.yaml.YamlProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which scenarios a command reads, against which topology (a picocli mixin): the experiments of
 * {@code --scenarios DIR} (default {@code scenarios/} of the checkout) plus {@code --with} files,
 * which may require or extend them.
 */
final class ScenarioOptions {

    @Option(names = "--scenarios", paramLabel = "DIR", description = "the experiments' folder (default: scenarios/ of the checkout)")
    Path dir;

    @Option(names = "--with", paramLabel = "FILE", description = "another scenario file, read beside the experiments (e.g. scenarios/examples/4b-on-cp-2.yaml)")
    List<Path> with = new ArrayList<>();

    @Mixin
    TopologyOption topology;

    /** The topology named by {@code --topology}, or the checkout's. */
    Topology topology() {
        return topology.load();
    }

    /** Loads the experiments, the {@code --with} files and {@code more} files against {@code lab}. */
    ScenarioLoader.Loaded load(Topology lab, List<Path> more) {
        List<Path> extra = new ArrayList<>(with);
        extra.addAll(more);
        return ScenarioFiles.load(lab, ScenarioFiles.withExperiments(dir == null ? ScenarioFiles.defaultDir() : dir, extra));
    }

    /**
     * Prints every problem of scenarios that did not load, one {@code file:line: path: message} per line,
     * then {@code closing} when not null; returns the exit code for them.
     */
    static int refuse(ScenarioLoader.Loaded loaded, PrintWriter err, String closing) {
        loaded.problems().stream().map(YamlProblem::toString).forEach(err::println);
        if (closing != null) {
            err.println(closing);
        }
        err.flush();
        return ExitCodes.UNKNOWN_OR_BROKEN;
    }
}
