package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.Invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kubectl get nodes [NAME...] [-o wide|json] [--no-headers]} and {@code kubectl delete node NAME...},
 * answered by the apiserver of the node's own K3s server through {@code /etc/rancher/k3s/k3s.yaml}.
 */
final class Kubectl {
    private static final Set<String> NODE_WORDS = Set.of("node", "nodes", "no");

    private final Lab lab;
    private final Ticker ticker;

    Kubectl(Lab lab, Ticker ticker) {
        this.lab = lab;
        this.ticker = ticker;
    }

    int run(Invocation inv, List<String> args) {
        String verb = null;
        String output = "";
        boolean headers = true;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-o") || a.equals("--output")) {
                output = i + 1 < args.size() ? args.get(++i) : "";
            } else if (a.startsWith("-o")) {
                output = a.substring(2).replaceFirst("^=", "");
            } else if (a.startsWith("--output=")) {
                output = a.substring("--output=".length());
            } else if (a.equals("--no-headers") || a.equals("--no-headers=true")) {
                headers = false;
            } else if (a.startsWith("-")) {
                throw new NotModelled("kubectl " + String.join(" ", args) + " (flag " + a + ")");
            } else if (verb == null) {
                verb = a;
            } else {
                words.add(a);
            }
        }
        if (verb == null || words.isEmpty() || !NODE_WORDS.contains(words.get(0))
                || !(verb.equals("get") || verb.equals("delete"))) {
            throw new NotModelled("kubectl " + String.join(" ", args));
        }
        if (!output.isEmpty() && !(verb.equals("get") && (output.equals("wide") || output.equals("json")))) {
            throw new NotModelled("kubectl " + String.join(" ", args) + " (output " + output + ")");
        }
        List<String> names = words.subList(1, words.size());
        Optional<NodeStore> store = connect(inv);
        if (store.isEmpty()) {
            return 1;
        }
        return verb.equals("get") ? get(inv, store.get(), names, output, headers) : delete(inv, store.get(), names);
    }

    /** The datastore behind the local apiserver, or empty after printing kubectl's connection error. */
    private Optional<NodeStore> connect(Invocation inv) {
        if (!DataDir.exists(inv.files(), DataDir.KUBECONFIG)) {
            inv.stderr().println("The connection to the server localhost:8080 was refused - did you specify the right host or port?");
            return Optional.empty();
        }
        Optional<K3sProcess> server = lab.state.server(inv.node()).filter(p -> p.apiUp(lab.now()));
        if (server.isEmpty()) {
            inv.stderr().println("The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?");
            return Optional.empty();
        }
        if (!lab.writable(server.get().store)) {
            inv.stderr().println("Error from server: etcdserver: request timed out");
            return Optional.empty();
        }
        return lab.store(server.get().store);
    }

    private int get(Invocation inv, NodeStore store, List<String> names, String output, boolean headers) {
        List<NodeObject> nodes = new ArrayList<>(store.list());
        int status = 0;
        if (!names.isEmpty()) {
            List<NodeObject> picked = new ArrayList<>();
            for (String name : names) {
                Optional<NodeObject> n = nodes.stream().filter(x -> x.name().equals(name)).findFirst();
                if (n.isPresent()) {
                    picked.add(n.get());
                } else {
                    inv.stderr().println("Error from server (NotFound): nodes \"" + name + "\" not found");
                    status = 1;
                }
            }
            nodes = picked;
        }
        if (output.equals("json")) {
            inv.stdout().print(NodePrinter.json(nodes));
        } else if (nodes.isEmpty() && names.isEmpty()) {
            inv.stderr().println("No resources found");
        } else if (!nodes.isEmpty()) {
            inv.stdout().print(NodePrinter.table(nodes, output.equals("wide"), headers, lab.now()));
        }
        return status;
    }

    private int delete(Invocation inv, NodeStore store, List<String> names) {
        int status = 0;
        for (String name : names) {
            Optional<NodeObject> n = store.get(name);
            if (n.isEmpty()) {
                inv.stderr().println("Error from server (NotFound): nodes \"" + name + "\" not found");
                status = 1;
                continue;
            }
            if (store instanceof EtcdCluster c) {
                // The finalizer of the etcd member controller holds the Node until the member is removed.
                c.put(n.get().markDeleting());
                ticker.removeDeletedMembers(c);
            } else {
                store.delete(name);
            }
            inv.stdout().println("node \"" + name + "\" deleted");
        }
        return status;
    }
}
