package dev.k3slab.emulator.k3s;

import java.util.List;

/**
 * The settings of one K3s start that the model acts on, merged from the command line, the
 * environment (for a unit: its EnvironmentFile) and {@code /etc/rancher/k3s/config.yaml}
 * (reference §1: K3S_URL + K3S_TOKEN in the env file make a join even without {@code --server}).
 *
 * @param command     {@code server} or {@code agent}
 * @param args        the command-line arguments after the command, as given (for {@code k3s.io/node-args})
 * @param nodeIp      {@code --node-ip}, or null (the model then uses the topology address)
 * @param nodeName    {@code --node-name}, or null (hostname)
 * @param serverUrl   {@code --server}/{@code K3S_URL}, or null
 * @param token       {@code --token}/{@code K3S_TOKEN}/token file content, or null
 * @param clusterInit {@code --cluster-init}/{@code K3S_CLUSTER_INIT}
 */
record K3sConfig(String command, List<String> args, String nodeIp, String nodeName, String serverUrl, String token,
                 boolean clusterInit) {
    K3sConfig {
        args = List.copyOf(args);
    }

    boolean joinInfo() {
        return serverUrl != null && !serverUrl.isEmpty() && token != null && !token.isEmpty();
    }

    /** The host of the server URL ({@code https://192.168.56.11:6443} gives {@code 192.168.56.11}). */
    String serverHost() {
        if (serverUrl == null) {
            return null;
        }
        String s = serverUrl.replaceFirst("^[a-z]+://", "");
        int colon = s.indexOf(':');
        int slash = s.indexOf('/');
        int end = colon >= 0 ? colon : slash >= 0 ? slash : s.length();
        return s.substring(0, end);
    }
}
