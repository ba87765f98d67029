package dev.k3slab.machine.vagrant;

import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Role;
import dev.k3slab.topology.Topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.util.List;

/** The default lab of EXPERIMENTS.md, built directly, and recorded samples from the classpath. */
final class LabFixtures {

    private LabFixtures() {
    }

    static Topology defaultLab() {
        return lab("192.168.56");
    }

    static Topology lab(String prefix) {
        return new Topology("bento/ubuntu-22.04", prefix, "v1.27.9+k3s1", "v3.5.11", "k3s-splitbrain-", List.of(
                new LabNode("cp-1", prefix + ".11", Role.SERVER, 2, 2048),
                new LabNode("cp-2", prefix + ".12", Role.SERVER, 2, 2048),
                new LabNode("cp-3", prefix + ".13", Role.SERVER, 2, 2048),
                new LabNode("w-1", prefix + ".21", Role.AGENT, 2, 2048),
                new LabNode("w-2", prefix + ".22", Role.AGENT, 2, 2048)));
    }

    static String recorded(String name) {
        try (InputStream in = LabFixtures.class.getResourceAsStream("/recorded/vagrant/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
