package dev.k3slab.emulator.k3s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.k3slab.emulator.NodeFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the flags, environment and config.yaml of a {@code k3s server|agent} start into a {@link K3sConfig}. */
final class K3sFlags {
    static final String CONFIG_YAML = "/etc/rancher/k3s/config.yaml";

    private static final Set<String> VALUED = Set.of("node-ip", "advertise-address", "tls-san", "server", "token",
            "token-file", "node-name", "write-kubeconfig-mode", "flannel-iface", "node-external-ip", "disable",
            "node-label", "node-taint", "kubelet-arg", "kube-apiserver-arg");
    private static final Set<String> SERVER_ONLY = Set.of("advertise-address", "tls-san", "write-kubeconfig-mode",
            "disable", "kube-apiserver-arg", "cluster-init");
    private static final Map<String, String> SHORT = Map.of("s", "server", "t", "token");
    private static final Set<String> REFUSED = Set.of("cluster-reset", "cluster-reset-restore-path",
            "datastore-endpoint", "disable-etcd", "data-dir", "d", "with-node-id", "agent-token", "agent-token-file",
            "etcd-disable-snapshots", "config", "c");

    private K3sFlags() {
    }

    /**
     * Merges the sources; command-line flags win over config.yaml, which wins over the environment
     * (config.yaml values become flags placed before the command-line ones).
     */
    static K3sConfig parse(String command, List<String> cliArgs, Map<String, String> env, NodeFiles files) {
        Map<String, String> values = new HashMap<>();
        boolean[] clusterInit = {false};
        List<String> merged = new ArrayList<>(configYamlArgs(files));
        merged.addAll(cliArgs);
        for (int i = 0; i < merged.size(); i++) {
            String arg = merged.get(i);
            if (!arg.startsWith("-")) {
                throw new NotModelled("k3s " + command + " positional argument '" + arg + "'");
            }
            String name = arg.replaceFirst("^--?", "");
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            name = SHORT.getOrDefault(name, name);
            if (REFUSED.contains(name)) {
                throw new NotModelled("k3s " + command + " --" + name);
            }
            if (command.equals("agent") && SERVER_ONLY.contains(name)) {
                throw new NotModelled("k3s agent --" + name + " (a server flag; real k3s rejects it: flag provided but not defined)");
            }
            if (name.equals("cluster-init")) {
                clusterInit[0] = value == null || Boolean.parseBoolean(value);
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= merged.size()) {
                        throw new NotModelled("k3s " + command + " --" + name + " without a value");
                    }
                    value = merged.get(++i);
                }
                values.put(name, value);
            } else {
                throw new NotModelled("k3s " + command + " flag --" + name);
            }
        }
        refuseEnv(env, "K3S_DATASTORE_ENDPOINT", "K3S_CLUSTER_RESET", "K3S_DATA_DIR", "K3S_CONFIG_FILE", "K3S_AGENT_TOKEN");
        String server = values.getOrDefault("server", blankToNull(env.get("K3S_URL")));
        String token = values.get("token");
        if (token == null && values.containsKey("token-file")) {
            token = readTokenFile(files, values.get("token-file"));
        }
        if (token == null) {
            token = blankToNull(env.get("K3S_TOKEN"));
        }
        if (token == null && env.get("K3S_TOKEN_FILE") != null) {
            token = readTokenFile(files, env.get("K3S_TOKEN_FILE"));
        }
        boolean init = clusterInit[0] || "true".equalsIgnoreCase(env.get("K3S_CLUSTER_INIT"));
        String nodeName = values.getOrDefault("node-name", blankToNull(env.get("K3S_NODE_NAME")));
        return new K3sConfig(command, cliArgs, values.get("node-ip"), nodeName, server, token, init);
    }

    private static void refuseEnv(Map<String, String> env, String... names) {
        for (String n : names) {
            if (env.get(n) != null && !env.get(n).isEmpty()) {
                throw new NotModelled("k3s with " + n + " set");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String readTokenFile(NodeFiles files, String path) {
        try {
            return Files.readString(files.resolve(path)).trim();
        } catch (IOException e) {
            throw new NotModelled("k3s --token-file " + path + " that cannot be read (" + e.getMessage() + ")");
        }
    }

    /** config.yaml as flags: {@code key: value} gives {@code --key value}; lists repeat; true gives the bare flag. */
    private static List<String> configYamlArgs(NodeFiles files) {
        Path yaml = files.resolve(CONFIG_YAML);
        List<String> args = new ArrayList<>();
        if (!Files.isRegularFile(yaml)) {
            return args;
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        } catch (IOException e) {
            throw new NotModelled("a config.yaml that does not parse (" + e.getMessage() + ")");
        }
        if (root == null || root.isNull()) {
            return args;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isBoolean()) {
                if (v.asBoolean()) {
                    args.add("--" + e.getKey());
                }
            } else if (v.isArray()) {
                v.forEach(item -> {
                    args.add("--" + e.getKey());
                    args.add(item.asText());
                });
            } else {
                args.add("--" + e.getKey());
                args.add(v.asText());
            }
        }
        return args;
    }
}
