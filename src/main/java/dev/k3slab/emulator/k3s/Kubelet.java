package dev.k3slab.emulator.k3s;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Node status: the kubelet of a running K3s registers and posts its Node (labels of reference §5,
 * Ready once started), and the node controller marks a node whose kubelet stopped posting
 * {@code Unknown} after the 40-s grace period.
 */
final class Kubelet {
    static final String NOT_READY_MESSAGE = "container runtime network not ready: NetworkReady=false "
            + "reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized";

    private final Lab lab;

    Kubelet(Lab lab) {
        this.lab = lab;
    }

    /**
     * An agent posts through the server its URL names; while that server is down it keeps using the
     * other servers of the etcd cluster it last reached (the agent's load balancer knows them all).
     */
    void agent(K3sProcess p) {
        Instant now = lab.now();
        Optional<K3sProcess> target = lab.nodeByAddress(p.config.serverHost())
                .flatMap(n -> lab.state.server(n.name()))
                .filter(s -> s.apiUp(now) && lab.writable(s.store));
        String store = target.map(s -> s.store).orElse(null);
        if (store == null && p.store != null && p.store.startsWith("etcd:") && lab.writable(p.store)
                && lab.state.allProcesses().stream().anyMatch(s -> p.store.equals(lab.storeIdOf(s)) && s.apiUp(now))) {
            store = p.store;
        }
        if (store == null) {
            return;
        }
        if (p.kubeletFrom == null) {
            String problem = target.map(t -> tokenProblem(p, t)).orElse(null);
            if (problem != null) {
                lab.log(p, "fatal", problem);
                lab.processFailed(p);
                return;
            }
            Instant earliest = p.startedAt.plus(Timings.AGENT_KUBELET);
            p.kubeletFrom = now.isAfter(earliest) ? now : earliest;
            p.readyFrom = p.kubeletFrom.plus(Duration.ofSeconds(10));
            lab.log(p, "info", "Connecting to proxy url=\"wss://" + p.config.serverHost() + ":6443/v1-k3s/connect\"");
        }
        p.store = store;
        post(p, store);
    }

    private String tokenProblem(K3sProcess agent, K3sProcess server) {
        Optional<EtcdCluster> c = lab.clusterOf(server);
        if (c.isPresent()) {
            return EtcdStart.tokenProblem(agent.config.token(), c.get(), agent.config.serverUrl());
        }
        Credentials creds = Credentials.ensure(lab, lab.files(server.node), null);
        EtcdCluster view = new EtcdCluster();
        view.serverCa = creds.serverCa();
        view.password = creds.password();
        return EtcdStart.tokenProblem(agent.config.token(), view, agent.config.serverUrl());
    }

    /** One status post of {@code p}'s kubelet to datastore {@code storeId}. */
    void post(K3sProcess p, String storeId) {
        Instant now = lab.now();
        if (p.kubeletFrom == null || now.isBefore(p.kubeletFrom)) {
            return;
        }
        NodeStore store = lab.store(storeId).orElseThrow();
        String name = p.nodeName();
        Optional<NodeObject> existing = store.get(name);
        if (existing.isPresent() && existing.get().deleting()) {
            return;
        }
        NodeObject n = existing.orElseGet(() -> new NodeObject(name, now, Map.of(), Map.of(),
                lab.nodeIp(p), "False", "KubeletNotReady", NOT_READY_MESSAGE, now, false));
        NodeObject before = existing.orElse(null);
        if (!storeId.equals(p.labelsAppliedTo)) {
            n = n.withLabels(labels(p, name), annotations(p));
            p.labelsAppliedTo = storeId;
        }
        if (!now.isBefore(p.readyFrom)) {
            if (!"True".equals(n.readyStatus())) {
                n = n.withReady("True", "KubeletReady", "kubelet is posting ready status", now);
            }
        } else if ("Unknown".equals(n.readyStatus())) {
            n = n.withReady("False", "KubeletNotReady", NOT_READY_MESSAGE, now);
        }
        if (!n.equals(before)) {
            store.put(n);
        }
        lab.state.heartbeats.put(storeId + "|" + name, now);
    }

    private Map<String, String> labels(K3sProcess p, String name) {
        Map<String, String> l = new TreeMap<>();
        l.put("beta.kubernetes.io/arch", "amd64");
        l.put("beta.kubernetes.io/instance-type", "k3s");
        l.put("beta.kubernetes.io/os", "linux");
        l.put("kubernetes.io/arch", "amd64");
        l.put("kubernetes.io/hostname", name);
        l.put("kubernetes.io/os", "linux");
        l.put("node.kubernetes.io/instance-type", "k3s");
        if (p.kind == K3sProcess.Kind.SERVER) {
            l.put(NodeObject.ROLE_PREFIX + "control-plane", "true");
            l.put(NodeObject.ROLE_PREFIX + "master", "true");
            if (p.etcdMode()) {
                l.put(NodeObject.ROLE_PREFIX + "etcd", "true");
            }
        }
        return l;
    }

    private Map<String, String> annotations(K3sProcess p) {
        Map<String, String> a = new TreeMap<>();
        String ip = lab.nodeIp(p);
        a.put("alpha.kubernetes.io/provided-node-ip", ip);
        a.put("k3s.io/hostname", p.node);
        a.put("k3s.io/internal-ip", ip);
        a.put("k3s.io/node-args", nodeArgs(p));
        a.put("node.alpha.kubernetes.io/ttl", "0");
        a.put("volumes.kubernetes.io/controller-managed-attach-detach", "true");
        if (p.etcdMode()) {
            a.put(NodeObject.ETCD_NAME, p.memberName);
            a.put(NodeObject.ETCD_ADDRESS, ip);
        }
        return a;
    }

    /** {@code k3s.io/node-args}: the real arguments as a JSON array, the value after --token masked. */
    private String nodeArgs(K3sProcess p) {
        List<String> args = new ArrayList<>();
        args.add(p.config.command());
        boolean mask = false;
        for (String a : p.config.args()) {
            if (mask) {
                args.add("********");
                mask = false;
            } else if (a.startsWith("--token=") || a.startsWith("-t=")) {
                args.add(a.substring(0, a.indexOf('=') + 1) + "********");
            } else {
                args.add(a);
                mask = a.equals("--token") || a.equals("-t");
            }
        }
        try {
            return lab.json.writeValueAsString(args);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Node controller: a node whose kubelet has not posted for longer than the grace period gets Ready=Unknown. */
    void markStale(NodeStore store, Instant now) {
        for (NodeObject n : store.list()) {
            if (n.deleting() || "Unknown".equals(n.readyStatus())) {
                continue;
            }
            Instant hb = lab.state.heartbeats.getOrDefault(store.id() + "|" + n.name(), n.readyTransition());
            if (Duration.between(hb, now).compareTo(Timings.NODE_MONITOR_GRACE) > 0) {
                store.put(n.withReady("Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.", now));
            }
        }
    }
}
