package dev.k3slab.cli;

import dev.k3slab.scenario.ScenarioLoader;
import dev.k3slab.topology.LabHome;
import dev.k3slab.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which scenario files a command reads: the experiments in {@code scenarios/} of the checkout,
 * plus files named on the command line (an example, a scenario of one's own), which are loaded
 * beside the experiments so that they can require or extend them.
 */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /** {@code <lab home>/scenarios}, or {@code ./scenarios} outside a checkout. */
    static Path defaultDir() {
        return LabHome.find().map(home -> home.resolve("scenarios")).orElse(Path.of("scenarios"));
    }

    /** The experiments of {@code dir} followed by {@code extra} files not already among them. */
    static List<Path> withExperiments(Path dir, List<Path> extra) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            for (Path p : ScenarioLoader.filesIn(dir)) {
                if (seen.add(p.toAbsolutePath().normalize())) {
                    out.add(p);
                }
            }
        }
        for (Path p : extra) {
            if (seen.add(p.toAbsolutePath().normalize())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Loads the files against the topology. */
    static ScenarioLoader.Loaded load(Topology topology, List<Path> files) {
        return new ScenarioLoader(topology).load(files);
    }
}
