package dev.k3slab.topology;

import dev.k3slab.topology.TopologyDraft.NodeDraft;
import dev.k3slab.yaml.YamlNode;
import dev.k3slab.yaml.YamlProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lab rules a bound topology must follow before anything runs. Checks the whole draft and
 * collects every problem (never stops at the first); skips fields the binder could not read, as
 * those are already reported.
 */
final class TopologyValidator {
    /**
     * K3s's resource profiling measured about 1.6 GB for a server with embedded etcd and a small
     * workload, and about 275 MB for an agent; below these minimums a VM swaps or the OOM killer
     * takes the apiserver or etcd, and the experiments would observe that instead of the cluster.
     * The source lab gives every node 2048 MiB.
     */
    static final int SERVER_MIN_MEMORY_MB = 1024;
    static final int AGENT_MIN_MEMORY_MB = 512;

    /** The only IPv4 host-only range VirtualBox 6.1.28 and later allows without /etc/vbox/networks.conf. */
    static final String VIRTUALBOX_DEFAULT_RANGE = "192.168.56.0/21";

    // RFC 1123 label in lower case: K3s lower-cases the hostname into the node name, and Kubernetes
    // node names must be lower case; a dot would make /etc/hosts and Vagrant read a domain.
    private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern K3S_VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+\\+k3s\\d+");
    private static final Pattern ETCD_VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+");
    // VirtualBox uses the VM name as a folder name; keep to characters every host file system takes.
    private static final Pattern VM_NAME_PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern BOX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");
    private static final Pattern OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");

    private final YamlNode root;
    private final List<YamlProblem> problems = new ArrayList<>();

    private TopologyValidator(YamlNode root) {
        this.root = root;
    }

    /** Every rule broken by {@code draft}; {@code root} is the document it was bound from, for line numbers. */
    static List<YamlProblem> validate(TopologyDraft draft, YamlNode root) {
        TopologyValidator v = new TopologyValidator(root);
        v.check(draft);
        return v.problems;
    }

    private void check(TopologyDraft d) {
        if (d.box() != null && !BOX.matcher(d.box()).matches()) {
            problem("box", "'" + d.box() + "' is not a Vagrant box name like bento/ubuntu-22.04");
        }
        if (d.vmNamePrefix() != null && !VM_NAME_PREFIX.matcher(d.vmNamePrefix()).matches()) {
            problem("vm-name-prefix", "'" + d.vmNamePrefix() + "' cannot start a VirtualBox VM name: use 1 to 40 "
                    + "letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. k3s-splitbrain-)");
        }
        if (d.k3sVersion() != null && !K3S_VERSION.matcher(d.k3sVersion()).matches()) {
            problem("k3s.version", "'" + d.k3sVersion() + "' is not a K3s release like v1.27.9+k3s1 (vX.Y.Z+k3sN)");
        }
        if (d.etcdctlVersion() != null && !ETCD_VERSION.matcher(d.etcdctlVersion()).matches()) {
            problem("etcdctl.version", "'" + d.etcdctlVersion() + "' is not an etcd release like v3.5.11 (vX.Y.Z)");
        }
        int[] prefix = d.networkPrefix() == null ? null : prefix(d.networkPrefix(), d.customRangeAllowed());
        if (d.nodes() != null) {
            checkNodes(d.nodes(), prefix);
        }
    }

    /** The three octets of the prefix, or null when it is not one (reported). */
    private int[] prefix(String text, boolean customRangeAllowed) {
        int[] octets = octets(text, 3);
        if (octets == null) {
            problem("network.prefix", "'" + text + "' is not the first three octets of an IPv4 network, like 192.168.56");
            return null;
        }
        boolean inDefaultRange = octets[0] == 192 && octets[1] == 168 && octets[2] >= 56 && octets[2] <= 63;
        if (!inDefaultRange && !customRangeAllowed) {
            problem("network.prefix", text + ".0/24 is outside " + VIRTUALBOX_DEFAULT_RANGE
                    + ", the only host-only range VirtualBox 6.1.28 and later allows by default (Vagrant refuses it"
                    + " before VirtualBox does); use a prefix from 192.168.56 to 192.168.63, or allow the range in"
                    + " /etc/vbox/networks.conf (e.g. '* 10.0.0.0/8 192.168.0.0/16') and set"
                    + " network.allowed-in-networks-conf: true");
        }
        return octets;
    }

    private void checkNodes(List<NodeDraft> nodes, int[] prefix) {
        if (nodes.isEmpty()) {
            problem("nodes", "the lab has no nodes; declare at least one server");
            return;
        }
        if (nodes.stream().noneMatch(n -> n.role() == Role.SERVER) && nodes.stream().allMatch(n -> n.role() != null)) {
            problem("nodes", "no node has role server; K3s needs at least one server (the control plane)"
                    + " for agents to join");
        }
        Map<String, NodeDraft> byName = new HashMap<>();
        Map<String, NodeDraft> byIp = new HashMap<>();
        for (NodeDraft n : nodes) {
            if (n.name() != null) {
                checkName(n, byName);
            }
            if (n.ip() != null) {
                checkIp(n, prefix, byIp);
            }
            if (n.role() != null && n.memoryMb() != null) {
                checkMemory(n);
            }
        }
    }

    private void checkName(NodeDraft n, Map<String, NodeDraft> byName) {
        if (!HOSTNAME.matcher(n.name()).matches()) {
            problem(n.path("name"), "'" + n.name() + "' is not a hostname: use 1 to 63 lower-case letters, digits"
                    + " or '-', starting and ending with a letter or digit (RFC 1123); it becomes the VM's hostname"
                    + " and the Kubernetes node name");
        }
        NodeDraft first = byName.putIfAbsent(n.name(), n);
        if (first != null) {
            problem(n.path("name"), "'" + n.name() + "' is already the name of nodes[" + first.index() + "] (line "
                    + root.lineOf(first.path("name")) + "); every node needs its own name");
        }
    }

    private void checkIp(NodeDraft n, int[] prefix, Map<String, NodeDraft> byIp) {
        int[] ip = octets(n.ip(), 4);
        if (ip == null) {
            problem(n.path("ip"), "'" + n.ip() + "' is not an IPv4 address like 192.168.56.11");
            return;
        }
        NodeDraft first = byIp.putIfAbsent(n.ip(), n);
        if (first != null) {
            problem(n.path("ip"), n.ip() + " is already the address of nodes[" + first.index() + "]"
                    + (first.name() == null ? "" : " " + first.name()) + " (line " + root.lineOf(first.path("ip"))
                    + "); every node needs its own address");
        }
        if (prefix == null) {
            return;
        }
        String network = prefix[0] + "." + prefix[1] + "." + prefix[2];
        String usable = "use an address from " + network + ".2 to " + network + ".254";
        if (ip[0] != prefix[0] || ip[1] != prefix[1] || ip[2] != prefix[2]) {
            problem(n.path("ip"), n.ip() + " is outside the lab network " + network + ".0/24 (network.prefix); " + usable);
        } else if (ip[3] == 0 || ip[3] == 255) {
            problem(n.path("ip"), n.ip() + " is the " + (ip[3] == 0 ? "network" : "broadcast") + " address of "
                    + network + ".0/24; " + usable);
        } else if (ip[3] == 1) {
            problem(n.path("ip"), n.ip() + " is the host's own address on the host-only network (Vagrant gives"
                    + " the host's adapter .1); " + usable);
        }
    }

    private void checkMemory(NodeDraft n) {
        int min = n.role() == Role.SERVER ? SERVER_MIN_MEMORY_MB : AGENT_MIN_MEMORY_MB;
        if (n.memoryMb() < min) {
            problem(n.path("memory"), n.memoryMb() + " MiB is too little for a K3s " + n.role().word()
                    + ": give it at least " + min + " MiB (the source lab gives every node 2048)");
        }
    }

    /** The {@code count} dotted decimal octets of {@code text}, or null when it is not that shape. */
    private static int[] octets(String text, int count) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != count) {
            return null;
        }
        int[] octets = new int[count];
        for (int i = 0; i < count; i++) {
            if (!OCTET.matcher(parts[i]).matches() || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            octets[i] = Integer.parseInt(parts[i]);
        }
        return octets;
    }

    private void problem(String path, String message) {
        problems.add(root.problemAt(path, message));
    }
}
