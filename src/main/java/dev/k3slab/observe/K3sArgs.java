package dev.k3slab.observe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How K3s reads the flags that decide its boot path from its arguments and environment
 * ({@code pkg/cli/cmds/server.go}, urfave/cli on Go's flag package): {@code -x} and {@code --x}
 * are the same flag, a value comes after {@code =} or as the next word, a boolean takes no next
 * word, and a flag given on the command line wins over its environment variable. Flags other than
 * the join flags are skipped with their values.
 */
final class K3sArgs {
    private static final Set<String> SERVER = Set.of("server", "s");
    private static final Set<String> TOKEN = Set.of("token", "t", "token-file");
    // Boolean flags of k3s server/agent v1.27 (they never take the next word as their value).
    private static final Set<String> BOOLEANS = Set.of("cluster-init", "cluster-reset", "disable-etcd",
            "disable-apiserver", "disable-scheduler", "disable-controller-manager", "disable-cloud-controller",
            "disable-kube-proxy", "disable-network-policy", "disable-helm-controller", "disable-agent",
            "secrets-encryption", "etcd-expose-metrics", "etcd-disable-snapshots", "etcd-snapshot-compress",
            "etcd-s3", "etcd-s3-insecure", "etcd-s3-skip-ssl-verify", "flannel-ipv6-masq", "flannel-external-ip",
            "enable-pprof", "rootless", "prefer-bundled-bin", "selinux", "protect-kernel-defaults", "docker",
            "with-node-id", "debug", "alsologtostderr", "help", "h");

    private K3sArgs() {
    }

    static JoinFlags joinFlags(List<String> args, Map<String, String> env) {
        String server = null;
        Boolean token = null;
        Boolean clusterInit = null;
        Boolean clusterReset = null;
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("--")) {
                break;
            }
            if (word.length() < 2 || word.charAt(0) != '-') {
                continue;
            }
            String flag = word.startsWith("--") ? word.substring(2) : word.substring(1);
            int eq = flag.indexOf('=');
            String name = eq < 0 ? flag : flag.substring(0, eq);
            String inline = eq < 0 ? null : flag.substring(eq + 1);
            if (BOOLEANS.contains(name)) {
                boolean value = inline == null || parseBool(inline);
                if (name.equals("cluster-init")) {
                    clusterInit = value;
                } else if (name.equals("cluster-reset")) {
                    clusterReset = value;
                }
                continue;
            }
            String value = inline;
            boolean known = SERVER.contains(name) || TOKEN.contains(name);
            // A flag this class does not know takes the next word unless that word is a flag itself.
            if (value == null && i + 1 < args.size() && (known || !args.get(i + 1).startsWith("-"))) {
                value = args.get(++i);
            }
            if (SERVER.contains(name)) {
                server = value == null ? "" : value;
            } else if (TOKEN.contains(name)) {
                token = value != null && !value.isEmpty();
            }
        }
        if (server == null) {
            server = env.getOrDefault("K3S_URL", "");
        }
        if (token == null) {
            token = !env.getOrDefault("K3S_TOKEN", "").isEmpty() || !env.getOrDefault("K3S_TOKEN_FILE", "").isEmpty();
        }
        if (clusterInit == null) {
            clusterInit = parseBool(env.getOrDefault("K3S_CLUSTER_INIT", ""));
        }
        if (clusterReset == null) {
            clusterReset = parseBool(env.getOrDefault("K3S_CLUSTER_RESET", ""));
        }
        return new JoinFlags(server.isEmpty() ? Optional.empty() : Optional.of(server), token, clusterInit, clusterReset);
    }

    // Go strconv.ParseBool; anything else would stop K3s from starting, and counts as not set here.
    private static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            default -> false;
        };
    }
}
