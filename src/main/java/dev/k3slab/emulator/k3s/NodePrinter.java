package dev.k3slab.emulator.k3s;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** kubectl's printing of Nodes: the table (plain and wide) and {@code -o json} (reference §8). */
final class NodePrinter {
    static final String OS_IMAGE = "Ubuntu 22.04.5 LTS";
    static final String KERNEL = "5.15.0-160-generic";
    static final String RUNTIME = "containerd://1.7.11-k3s2.27";

    private NodePrinter() {
    }

    static String table(List<NodeObject> nodes, boolean wide, boolean headers, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        if (headers) {
            rows.add(wide ? List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE",
                    "KERNEL-VERSION", "CONTAINER-RUNTIME") : List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION"));
        }
        for (NodeObject n : nodes) {
            List<String> r = new ArrayList<>(List.of(n.name(), n.status(), n.roles(),
                    HumanDuration.of(Duration.between(n.creationTimestamp(), now)), Lab.VERSION));
            if (wide) {
                r.addAll(List.of(n.internalIp() == null ? "<none>" : n.internalIp(), "<none>", OS_IMAGE, KERNEL, RUNTIME));
            }
            rows.add(r);
        }
        return tabwriter(rows);
    }

    /** Go text/tabwriter as kubectl configures it: minwidth 6, padding 3, last column unpadded. */
    static String tabwriter(List<List<String>> rows) {
        int cols = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size() - 1; i++) {
                width[i] = Math.max(width[i], Math.max(6, r.get(i).length() + 3));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                sb.append(cell);
                if (i < r.size() - 1) {
                    sb.append(" ".repeat(width[i] - cell.length()));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String json(List<NodeObject> nodes) {
        List<Object> items = new ArrayList<>();
        nodes.forEach(n -> items.add(item(n)));
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("items", items);
        list.put("kind", "List");
        list.put("metadata", Map.of("resourceVersion", ""));
        return GoJson.indent(list, "    ") + "\n";
    }

    private static Map<String, Object> item(NodeObject n) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("annotations", n.annotations());
        metadata.put("creationTimestamp", time(n.creationTimestamp()));
        if (n.labels().containsKey(NodeObject.ROLE_PREFIX + "etcd")) {
            metadata.put("finalizers", List.of("wrangler.cattle.io/managed-etcd-controller", "wrangler.cattle.io/node"));
        } else {
            metadata.put("finalizers", List.of("wrangler.cattle.io/node"));
        }
        metadata.put("labels", n.labels());
        metadata.put("name", n.name());
        metadata.put("uid", UUID.nameUUIDFromBytes((n.name() + n.creationTimestamp()).getBytes()).toString());
        Map<String, Object> status = new LinkedHashMap<>();
        List<Object> addresses = new ArrayList<>();
        if (n.internalIp() != null) {
            addresses.add(Map.of("address", n.internalIp(), "type", "InternalIP"));
        }
        addresses.add(Map.of("address", n.name(), "type", "Hostname"));
        status.put("addresses", addresses);
        status.put("conditions", conditions(n));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("architecture", "amd64");
        info.put("containerRuntimeVersion", RUNTIME);
        info.put("kernelVersion", KERNEL);
        info.put("kubeProxyVersion", Lab.VERSION);
        info.put("kubeletVersion", Lab.VERSION);
        info.put("operatingSystem", "linux");
        info.put("osImage", OS_IMAGE);
        status.put("nodeInfo", info);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("apiVersion", "v1");
        item.put("kind", "Node");
        item.put("metadata", metadata);
        item.put("spec", Map.of("providerID", "k3s://" + n.name()));
        item.put("status", status);
        return item;
    }

    private static List<Object> conditions(NodeObject n) {
        boolean unknown = "Unknown".equals(n.readyStatus());
        String t = time(n.readyTransition());
        List<Object> list = new ArrayList<>();
        String[][] pressure = {
                {"MemoryPressure", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"},
                {"DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"},
                {"PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available"}};
        for (String[] p : pressure) {
            list.add(condition(p[0], unknown ? "Unknown" : "False", unknown ? "NodeStatusUnknown" : p[1],
                    unknown ? "Kubelet stopped posting node status." : p[2], t, t));
        }
        list.add(condition("Ready", n.readyStatus(), n.readyReason(), n.readyMessage(), t, t));
        return list;
    }

    private static Map<String, Object> condition(String type, String status, String reason, String message,
                                                 String heartbeat, String transition) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("lastHeartbeatTime", heartbeat);
        c.put("lastTransitionTime", transition);
        c.put("message", message);
        c.put("reason", reason);
        c.put("status", status);
        c.put("type", type);
        return c;
    }

    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
