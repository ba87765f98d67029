package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.NodeFiles;

import java.util.Random;

/**
 * A server's cluster CA, etcd CA and server password on disk (reference §4, §9). The PEM blocks
 * are stand-ins of the right shape; the token really is {@code K10<sha256 of server-ca.crt>::server:<password>}.
 */
record Credentials(String serverCa, String etcdCa, String password) {
    private static final String ETCD = DataDir.ETCD_TLS;

    /** Reads the node's credentials, creating what is missing (a first start); {@code token} seeds the password. */
    static Credentials ensure(Lab lab, NodeFiles files, String token) {
        Random r = lab.state.random();
        String ca = DataDir.read(files, DataDir.SERVER_CA).orElseGet(() -> {
            String pem = DataDir.pem(r, "CERTIFICATE", 420);
            DataDir.write(files, DataDir.SERVER_CA, pem, "rw-r--r--");
            DataDir.write(files, DataDir.SERVER + "/tls/server-ca.key", DataDir.pem(r, "EC PRIVATE KEY", 121), "rw-------");
            return pem;
        });
        String etcdCa = DataDir.read(files, ETCD + "/server-ca.crt").orElseGet(() -> {
            String pem = DataDir.pem(r, "CERTIFICATE", 380);
            writeEtcdTls(files, pem, r);
            return pem;
        });
        String password = DataDir.read(files, DataDir.TOKEN).map(Credentials::passwordOf)
                .orElseGet(() -> token != null ? passwordOf(token) : DataDir.randomHex(r, 16));
        return new Credentials(ca, etcdCa, password);
    }

    /** A joining server takes the cluster's CAs and password (fetched from the server it joins). */
    static void adopt(Lab lab, NodeFiles files, EtcdCluster c) {
        DataDir.write(files, DataDir.SERVER_CA, c.serverCa, "rw-r--r--");
        writeEtcdTls(files, c.etcdCa, lab.state.random());
        writeToken(files, c.serverCa, c.password);
    }

    private static void writeEtcdTls(NodeFiles files, String ca, Random r) {
        DataDir.write(files, ETCD + "/server-ca.crt", ca, "rw-r--r--");
        DataDir.write(files, ETCD + "/server-ca.key", DataDir.pem(r, "EC PRIVATE KEY", 121), "rw-------");
        DataDir.write(files, ETCD + "/peer-ca.crt", ca, "rw-r--r--");
        DataDir.write(files, ETCD + "/server-client.crt", DataDir.pem(r, "CERTIFICATE", 400), "rw-r--r--");
        DataDir.write(files, ETCD + "/server-client.key", DataDir.pem(r, "EC PRIVATE KEY", 121), "rw-------");
        DataDir.write(files, ETCD + "/peer-server-client.crt", DataDir.pem(r, "CERTIFICATE", 400), "rw-r--r--");
        DataDir.write(files, ETCD + "/peer-server-client.key", DataDir.pem(r, "EC PRIVATE KEY", 121), "rw-------");
    }

    /** server/token (0600), node-token and agent-token links, cred/passwd. */
    static void writeToken(NodeFiles files, String serverCa, String password) {
        DataDir.write(files, DataDir.TOKEN, DataDir.token(serverCa, password) + "\n", "rw-------");
        DataDir.symlink(files, DataDir.SERVER + "/node-token", "token");
        DataDir.symlink(files, DataDir.SERVER + "/agent-token", "token");
        DataDir.write(files, DataDir.SERVER + "/cred/passwd", password + ",server,server,k3s:server\n", "rw-------");
    }

    void writeToken(NodeFiles files) {
        writeToken(files, serverCa, password);
    }

    /** The password of a token: the part after {@code ::server:} of a full token, or the bare secret. */
    static String passwordOf(String token) {
        String t = token.trim();
        int i = t.indexOf("::");
        if (i < 0) {
            return t;
        }
        String rest = t.substring(i + 2);
        int colon = rest.indexOf(':');
        return colon >= 0 ? rest.substring(colon + 1) : rest;
    }

    /** The CA hash of a full token, or null for a bare secret. */
    static String caHashOf(String token) {
        String t = token.trim();
        return t.startsWith("K10") && t.indexOf("::") > 3 ? t.substring(3, t.indexOf("::")) : null;
    }

    static String kubeconfig(Random r) {
        return """
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority-data: %s
                    server: https://127.0.0.1:6443
                  name: default
                contexts:
                - context:
                    cluster: default
                    user: default
                  name: default
                current-context: default
                kind: Config
                preferences: {}
                users:
                - name: default
                  user:
                    client-certificate-data: %s
                    client-key-data: %s
                """.formatted(DataDir.randomHex(r, 48), DataDir.randomHex(r, 48), DataDir.randomHex(r, 32));
    }
}
