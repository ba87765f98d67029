package dev.k3slab.machine;

import dev.k3slab.topology.LabNode;
import dev.k3slab.topology.Topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What to do with a run's machines when the run ends, and what to tell the user: whether to
 * destroy them (from the {@link DestroyPolicy}) and, when they are kept, the commands to look
 * inside and to clean up.
 *
 * @param destroy true when the caller should destroy the machines now
 * @param lines   the text to print, one line each
 */
public record TeardownAdvice(boolean destroy, List<String> lines) {

    public TeardownAdvice {
        lines = List.copyOf(lines);
    }

    /**
     * Decides for a run that has ended.
     *
     * @param topology     the lab
     * @param vagrantDir   the folder holding the Vagrantfile, as the user should type it (e.g. {@code vagrant})
     * @param policy       the {@code --destroy} choice
     * @param runSucceeded whether the run passed
     * @param focusNode    the node the failure concerns, when known; the first server otherwise
     */
    public static TeardownAdvice decide(Topology topology, Path vagrantDir, DestroyPolicy policy,
                                        boolean runSucceeded, String focusNode) {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(policy, "policy");
        String outcome = runSucceeded ? "passed" : "failed";
        if (policy.destroyAfter(runSucceeded)) {
            return new TeardownAdvice(true, List.of(
                    "The run " + outcome + "; destroying its machines (--destroy " + policy.word() + ")."));
        }
        String node = focusNode != null && topology.find(focusNode).isPresent() ? focusNode
                : topology.servers().isEmpty() ? topology.names().get(0) : topology.servers().get(0).name();
        String vms = topology.nodes().stream().map(topology::vmName).collect(Collectors.joining(", "));
        List<String> lines = new ArrayList<>();
        lines.add("The run " + outcome + "; the lab's machines were left as they are (--destroy " + policy.word() + "): " + vms);
        lines.add("Look inside:  cd " + vagrantDir + " && vagrant ssh " + node);
        lines.add("K3s log:      cd " + vagrantDir + " && vagrant ssh " + node
                + " -c 'sudo journalctl -u " + unitOf(topology.node(node)) + " --no-pager | tail -n 200'");
        lines.add("Clean up:     ./lab down");
        return new TeardownAdvice(false, lines);
    }

    private static String unitOf(LabNode node) {
        return node.isServer() ? "k3s" : "k3s-agent";
    }
}
