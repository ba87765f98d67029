package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.Invocation;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * etcdctl 3.5.11 against the embedded etcd of the lab: {@code member list}, {@code endpoint status}
 * and {@code endpoint health} with {@code -w table|simple|json} and the K3s TLS flags (reference §8).
 */
final class Etcdctl {
    private static final String VERSION = "3.5.9";

    private final Lab lab;

    Etcdctl(Lab lab) {
        this.lab = lab;
    }

    /** Parsed command line. */
    private record Call(List<String> command, List<String> endpoints, String format, Map<String, String> tls) {
    }

    int run(Invocation inv) {
        Call call = parse(inv);
        for (Map.Entry<String, String> f : call.tls().entrySet()) {
            if (!DataDir.exists(inv.files(), f.getValue())) {
                inv.stderr().println("Error: open " + f.getValue() + ": no such file or directory");
                return 1;
            }
        }
        String cmd = String.join(" ", call.command());
        switch (cmd) {
            case "member list":
                return memberList(inv, call);
            case "endpoint status":
                return endpointStatus(inv, call);
            case "endpoint health":
                return endpointHealth(inv, call);
            default:
                throw new NotModelled("etcdctl " + String.join(" ", inv.args()));
        }
    }

    private Call parse(Invocation inv) {
        inv.env().forEach((k, v) -> {
            if (k.startsWith("ETCDCTL_") && !(k.equals("ETCDCTL_API") && v.equals("3"))) {
                throw new NotModelled("etcdctl with " + k + "=" + v);
            }
        });
        List<String> command = new ArrayList<>();
        List<String> endpoints = List.of("127.0.0.1:2379");
        String format = "simple";
        Map<String, String> tls = new LinkedHashMap<>();
        List<String> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) {
                command.add(a);
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value;
            if (a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new NotModelled("etcdctl " + String.join(" ", args) + " (flag " + a + " without a value)");
            }
            switch (name) {
                case "--endpoints" -> endpoints = List.of(value.split(","));
                case "--cacert", "--cert", "--key" -> tls.put(name, value);
                case "-w", "--write-out" -> format = value;
                case "--dial-timeout", "--command-timeout" -> {
                    // Accepted: the model answers at once or fails as after the timeout.
                }
                default -> throw new NotModelled("etcdctl " + String.join(" ", args) + " (flag " + name + ")");
            }
        }
        if (!List.of("table", "simple", "json").contains(format)) {
            throw new NotModelled("etcdctl -w " + format);
        }
        return new Call(command, endpoints, format, tls);
    }

    /** The etcd member process behind an endpoint, when a TLS connection to it can be made. */
    private Optional<K3sProcess> reach(Invocation inv, Call call, String endpoint) {
        boolean https = endpoint.startsWith("https://") || (!endpoint.contains("://") && call.tls().size() == 3);
        if (!https || call.tls().size() < 3) {
            return Optional.empty();
        }
        String host = endpoint.replaceFirst("^[a-z]+://", "").replaceFirst(":.*$", "");
        if (!endpoint.replaceFirst("^[a-z]+://", "").endsWith(":2379")) {
            return Optional.empty();
        }
        String node = host.equals("127.0.0.1") || host.equals("localhost") ? inv.node()
                : lab.nodeByAddress(host).map(n -> n.name()).orElse(null);
        if (node == null || !lab.state.node(node).up) {
            return Optional.empty();
        }
        return lab.state.server(node).filter(K3sProcess::etcdRunning);
    }

    private int memberList(Invocation inv, Call call) {
        Optional<K3sProcess> p = call.endpoints().stream().map(e -> reach(inv, call, e))
                .flatMap(Optional::stream).findFirst();
        if (p.isEmpty()) {
            String ep = call.endpoints().get(0).replaceFirst("^[a-z]+://", "");
            inv.stderr().println("{\"level\":\"warn\",\"ts\":\"" + DateTimeFormatter.ISO_INSTANT.format(lab.now())
                    + "\",\"logger\":\"etcd-client\",\"caller\":\"v3@v3.5.11/retry_interceptor.go:62\","
                    + "\"msg\":\"retrying of unary invoker failed\",\"target\":\"etcd-endpoints://0xc000024000/" + ep
                    + "\",\"attempt\":0,\"error\":\"rpc error: code = DeadlineExceeded desc = context deadline exceeded\"}");
            inv.stderr().println("Error: context deadline exceeded");
            return 1;
        }
        EtcdCluster c = lab.clusterOf(p.get()).orElseThrow();
        List<EtcdCluster.Member> members = c.sortedMembers();
        switch (call.format()) {
            case "table" -> {
                List<List<String>> rows = new ArrayList<>();
                members.forEach(m -> rows.add(memberRow(m)));
                inv.stdout().print(EtcdTable.render(List.of("ID", "STATUS", "NAME", "PEER ADDRS", "CLIENT ADDRS", "IS LEARNER"), rows));
            }
            case "simple" -> members.forEach(m -> inv.stdout().println(String.join(", ", memberRow(m))));
            default -> {
                List<Object> list = new ArrayList<>();
                for (EtcdCluster.Member m : members) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("ID", unsigned(m.id));
                    if (m.name != null && !m.name.isEmpty()) {
                        j.put("name", m.name);
                    }
                    j.put("peerURLs", List.of(m.peerUrl));
                    if (m.clientUrl != null) {
                        j.put("clientURLs", List.of(m.clientUrl));
                    }
                    if (m.learner) {
                        j.put("isLearner", true);
                    }
                    list.add(j);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("header", header(c, p.get()));
                out.put("members", list);
                inv.stdout().println(GoJson.compact(out));
            }
        }
        return 0;
    }

    private static List<String> memberRow(EtcdCluster.Member m) {
        boolean started = m.name != null && !m.name.isEmpty();
        return List.of(MemberIds.hex(m.id), started ? "started" : "unstarted", started ? m.name : "", m.peerUrl,
                m.clientUrl == null ? "" : m.clientUrl, String.valueOf(m.learner));
    }

    private Map<String, Object> header(EtcdCluster c, K3sProcess p) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("cluster_id", unsigned(MemberIds.parseHex(c.id)));
        h.put("member_id", unsigned(p.memberId));
        h.put("raft_term", c.term);
        return h;
    }

    private static java.math.BigInteger unsigned(long v) {
        return new java.math.BigInteger(Long.toUnsignedString(v));
    }

    private int endpointStatus(Invocation inv, Call call) {
        List<List<String>> rows = new ArrayList<>();
        List<Object> json = new ArrayList<>();
        boolean failed = false;
        for (String ep : call.endpoints()) {
            Optional<K3sProcess> p = reach(inv, call, ep);
            if (p.isEmpty()) {
                inv.stderr().println("Failed to get the status of endpoint " + ep + " (context deadline exceeded)");
                failed = true;
                continue;
            }
            EtcdCluster c = lab.clusterOf(p.get()).orElseThrow();
            EtcdCluster.Member m = c.member(p.get().memberId).orElseThrow();
            long dbSize = 3_960_000L + 32L * c.raftIndex;
            String errors = c.leader == 0 ? "etcdserver: no leader" : "";
            rows.add(List.of(ep, MemberIds.hex(m.id), VERSION, EtcdTable.humanBytes(dbSize),
                    String.valueOf(c.leader != 0 && c.leader == m.id), String.valueOf(m.learner),
                    String.valueOf(c.term), String.valueOf(c.raftIndex), String.valueOf(m.appliedIndex), errors));
            Map<String, Object> s = new LinkedHashMap<>();
            Map<String, Object> h = header(c, p.get());
            s.put("header", h);
            s.put("version", VERSION);
            s.put("dbSize", dbSize);
            s.put("leader", unsigned(c.leader));
            s.put("raftIndex", c.raftIndex);
            s.put("raftTerm", c.term);
            s.put("raftAppliedIndex", m.appliedIndex);
            if (!errors.isEmpty()) {
                s.put("errors", List.of(errors));
            }
            s.put("dbSizeInUse", dbSize * 6 / 10);
            if (m.learner) {
                s.put("isLearner", true);
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("Endpoint", ep);
            e.put("Status", s);
            json.add(e);
        }
        if (!rows.isEmpty()) {
            switch (call.format()) {
                case "table" -> inv.stdout().print(EtcdTable.render(List.of("ENDPOINT", "ID", "VERSION", "DB SIZE",
                        "IS LEADER", "IS LEARNER", "RAFT TERM", "RAFT INDEX", "RAFT APPLIED INDEX", "ERRORS"), rows));
                case "simple" -> rows.forEach(r -> inv.stdout().println(String.join(", ", r)));
                default -> inv.stdout().println(GoJson.compact(json));
            }
        }
        return failed ? 1 : 0;
    }

    private int endpointHealth(Invocation inv, Call call) {
        List<List<String>> rows = new ArrayList<>();
        List<Object> json = new ArrayList<>();
        List<String> unhealthy = new ArrayList<>();
        Random r = lab.state.random();
        for (String ep : call.endpoints()) {
            Optional<K3sProcess> p = reach(inv, call, ep);
            boolean healthy = p.isPresent() && lab.clusterOf(p.get()).map(c -> c.leader != 0).orElse(false);
            String took = EtcdTable.goDuration(healthy ? 3_000_000L + r.nextInt(12_000_000) : 5_000_000_000L);
            String error = healthy ? "" : "context deadline exceeded";
            rows.add(List.of(ep, String.valueOf(healthy), took, error));
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("endpoint", ep);
            j.put("health", healthy);
            j.put("took", took);
            if (!healthy) {
                j.put("error", error);
                unhealthy.add(ep);
            }
            json.add(j);
        }
        switch (call.format()) {
            case "table" -> inv.stdout().print(EtcdTable.render(List.of("ENDPOINT", "HEALTH", "TOOK", "ERROR"), rows));
            case "json" -> inv.stdout().println(GoJson.compact(json));
            default -> rows.forEach(row -> {
                if (row.get(1).equals("true")) {
                    inv.stdout().println(row.get(0) + " is healthy: successfully committed proposal: took = " + row.get(2));
                } else {
                    inv.stderr().println(row.get(0) + " is unhealthy: failed to commit proposal: " + row.get(3));
                }
            });
        }
        if (!unhealthy.isEmpty()) {
            inv.stderr().println("Error: unhealthy cluster");
            return 1;
        }
        return 0;
    }
}
