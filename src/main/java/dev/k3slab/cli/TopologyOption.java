package dev.k3slab.cli;

import dev.k3slab.topology.Topology;
import dev.k3slab.topology.TopologyLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --topology FILE} option of commands that act on the real lab's machines (a picocli mixin). */
final class TopologyOption {

    @Option(names = "--topology", paramLabel = "FILE",
            description = "The lab's topology (default: vagrant/topology.yaml of this checkout).")
    Path file;

    /** The topology named by the option, or the checkout's default one. */
    Topology load() {
        return file == null ? TopologyLoader.loadDefault() : TopologyLoader.load(file);
    }
}
