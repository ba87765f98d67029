package dev.k3slab.scenario;

import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Role;
import dev.k3slab.topology.Topology;
import java.util.List;

/** The lab of EXPERIMENTS.md, for tests that need a topology without reading vagrant/topology.yaml. */
final class TestTopology {
    private TestTopology() {
    }

    static Topology standard() {
        return new Topology("bento/ubuntu-22.04", "192.168.56", "v1.27.9+k3s1", "v3.5.11", "k3s-splitbrain-", List.of(
                new LabNode("cp-1", "192.168.56.11", Role.SERVER, 2, 2048),
                new LabNode("cp-2", "192.168.56.12", Role.SERVER, 2, 2048),
                new LabNode("cp-3", "192.168.56.13", Role.SERVER, 2, 2048),
                new LabNode("w-1", "192.168.56.21", Role.AGENT, 2, 2048),
                new LabNode("w-2", "192.168.56.22", Role.AGENT, 2, 2048)));
    }
}
