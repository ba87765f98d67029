package dev.k3slab.topology;

import java.util.Objects;

/**
 * One machine of the lab, as declared in {@code vagrant/topology.yaml}.
 *
 * @param name     hostname and Vagrant machine name, e.g. {@code cp-1}
 * @param ip       address on the host-only network, e.g. {@code 192.168.56.11}
 * @param role     server or agent
 * @param cpus     vCPUs
 * @param memoryMb RAM in MiB
 */
public record LabNode(String name, String ip, Role role, int cpus, int memoryMb) {
    public LabNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(role, "role");
    }

    public boolean isServer() {
        return role == Role.SERVER;
    }
}
