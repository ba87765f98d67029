package dev.k3slab.scenario.play;

/**
 * The command lines of the source write-up, as it writes them: multi-line installs with
 * backslash-newline continuations, etcdctl with the K3s etcd TLS files. (The seed text lost its
 * leading indentation; continuation lines start at the margin here, which the shell reads the same.)
 */
final class SourceCommands {
    static final String VERSION = "INSTALL_K3S_VERSION=\"v1.27.9+k3s1\" \\\n";
    static final String DB = "/var/lib/rancher/k3s/server/db/";
    static final String CP1_FLAGS = "--node-ip 192.168.56.11 --advertise-address 192.168.56.11 --tls-san 192.168.56.11";
    static final String CP3_FLAGLESS = "--node-ip 192.168.56.13 --advertise-address 192.168.56.13";
    static final String JOIN_URL = "https://192.168.56.11:6443";

    private static final String TLS = "--cacert=/var/lib/rancher/k3s/server/tls/etcd/server-ca.crt \\\n"
            + "--cert=/var/lib/rancher/k3s/server/tls/etcd/server-client.crt \\\n"
            + "--key=/var/lib/rancher/k3s/server/tls/etcd/server-client.key \\\n";

    /** {@code member list -w table} as experiments 5a-5c write it (with {@code --endpoints}). */
    static final String MEMBER_LIST = "ETCDCTL_API=3 etcdctl \\\n--endpoints=https://127.0.0.1:2379 \\\n" + TLS
            + "member list -w table";
    /** {@code endpoint status} with {@code --endpoints}: the ENDPOINT column reads {@code https://127.0.0.1:2379} (4a on cp-1). */
    static final String ENDPOINT_STATUS_HTTPS = "ETCDCTL_API=3 etcdctl \\\n--endpoints=https://127.0.0.1:2379 \\\n" + TLS
            + "endpoint status -w table";
    /** {@code endpoint status} without {@code --endpoints}, as 4b and 5a write it: ENDPOINT {@code 127.0.0.1:2379}. */
    static final String ENDPOINT_STATUS = "ETCDCTL_API=3 etcdctl \\\n" + TLS + "endpoint status -w table";
    /** {@code endpoint health} as 5a writes it. */
    static final String ENDPOINT_HEALTH = "ETCDCTL_API=3 etcdctl \\\n" + TLS + "endpoint health -w table";

    /** The body of the monitor loop of experiment 4 (the source runs it in {@code while true; do ... done}). */
    static final String MONITOR_PASS = "echo \"=== $(date) ===\"\n"
            + "kubectl get nodes -o wide\n"
            + "echo \"---\"\n"
            + MEMBER_LIST + "\n"
            + "echo \"\"\n"
            + "sleep 5";

    private SourceCommands() {
    }

    /** {@code INSTALL_K3S_VERSION=... \ INSTALL_K3S_EXEC="<exec>" \ [K3S_TOKEN="<token>" \] /usr/local/bin/k3s-install.sh}. */
    static String install(String exec, String token) {
        return VERSION + "INSTALL_K3S_EXEC=\"" + exec + "\" \\\n"
                + (token == null ? "" : "K3S_TOKEN=\"" + token + "\" \\\n")
                + "/usr/local/bin/k3s-install.sh";
    }

    /** {@code curl -sfL https://get.k3s.io | INSTALL_K3S_VERSION=... \ INSTALL_K3S_EXEC="<exec>" sh -} (4c, 5c). */
    static String curlInstall(String exec) {
        return "curl -sfL https://get.k3s.io | " + VERSION + "INSTALL_K3S_EXEC=\"" + exec + "\" sh -";
    }
}
