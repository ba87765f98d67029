package dev.k3slab.topology;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole lab: its machines and what every machine shares. Immutable; built only by the
 * topology loader, which has already validated it as a whole.
 *
 * @param box            Vagrant box, e.g. {@code bento/ubuntu-22.04}
 * @param networkPrefix  first three octets of the host-only network, e.g. {@code 192.168.56}
 * @param k3sVersion     e.g. {@code v1.27.9+k3s1}
 * @param etcdctlVersion e.g. {@code v3.5.11}
 * @param vmNamePrefix   VirtualBox name prefix, e.g. {@code k3s-splitbrain-}
 * @param nodes          in declaration order
 */
public record Topology(String box, String networkPrefix, String k3sVersion, String etcdctlVersion,
                       String vmNamePrefix, List<LabNode> nodes) {

    public Topology {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(networkPrefix, "networkPrefix");
        Objects.requireNonNull(k3sVersion, "k3sVersion");
        Objects.requireNonNull(etcdctlVersion, "etcdctlVersion");
        Objects.requireNonNull(vmNamePrefix, "vmNamePrefix");
        nodes = List.copyOf(nodes);
    }

    public Optional<LabNode> find(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The node called {@code name}; throws with the known names when there is none. */
    public LabNode node(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException(
                "no node '" + name + "' in the topology; known nodes: " + names()));
    }

    public List<String> names() {
        return nodes.stream().map(LabNode::name).toList();
    }

    public List<LabNode> servers() {
        return nodes.stream().filter(LabNode::isServer).toList();
    }

    public List<LabNode> agents() {
        return nodes.stream().filter(n -> !n.isServer()).toList();
    }

    /** The VirtualBox VM name of a node, e.g. {@code k3s-splitbrain-cp-1}. */
    public String vmName(LabNode node) {
        return vmNamePrefix + node.name();
    }
}
