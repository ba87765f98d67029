package dev.k3slab.scenario;

/**
 * Where K3s v1.27.9 keeps things on a node, and how etcdctl reaches its embedded etcd (the TLS
 * files of reference §4). Shared by observations, evidence and the built-in variables.
 */
public final class K3sPaths {
    public static final String DATA_DIR = "/var/lib/rancher/k3s";
    public static final String SERVER_DIR = DATA_DIR + "/server";
    public static final String DB_DIR = SERVER_DIR + "/db";
    public static final String ETCD_DIR = DB_DIR + "/etcd";
    public static final String NODE_TOKEN = SERVER_DIR + "/node-token";
    public static final String UNIT_DIR = "/etc/systemd/system";
    private static final String TLS = SERVER_DIR + "/tls/etcd";

    /** etcdctl against the node's own etcd, with K3s's client certificate; append the subcommand. */
    public static final String ETCDCTL = "ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379"
            + " --cacert=" + TLS + "/server-ca.crt --cert=" + TLS + "/server-client.crt --key=" + TLS + "/server-client.key";

    private K3sPaths() {
    }

    /** The unit file of a systemd unit such as {@code k3s} or {@code k3s-agent}. */
    public static String unitFile(String unit) {
        return UNIT_DIR + "/" + unit + ".service";
    }

    /** The env file the install script writes beside a unit. */
    public static String envFile(String unit) {
        return unitFile(unit) + ".env";
    }
}
