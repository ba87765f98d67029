package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.NodeFiles;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Starts a {@code k3s server} or {@code k3s agent} process: datastore selection exactly as
 * {@code assignManagedDriver} and {@code ETCD.Start} (reference §1, §2), the files each mode
 * writes (§4, §9), and the branch-identifying log lines.
 */
final class K3sStart {
    private final Lab lab;

    K3sStart(Lab lab) {
        this.lab = lab;
    }

    /**
     * Starts a process; empty when it ended at once with a fatal error (already logged).
     *
     * @param unit the systemd unit, or null for a process started by hand
     * @param out  where a hand-started process prints (the shell's redirect); ignored for units
     */
    Optional<K3sProcess> start(String node, K3sConfig config, String unit, long pid, String commandLine, PrintStream out) {
        K3sProcess p = new K3sProcess();
        p.pid = pid;
        p.node = node;
        p.unit = unit;
        p.commandLine = commandLine;
        p.startedAt = lab.now();
        p.config = config;
        p.out = unit == null ? out : null;
        p.kind = config.command().equals("server") ? K3sProcess.Kind.SERVER : K3sProcess.Kind.AGENT;
        lab.log(p, "info", "Starting k3s " + (p.kind == K3sProcess.Kind.AGENT ? "agent " : "") + Lab.VERSION + " (2c249a39)");
        boolean ok = p.kind == K3sProcess.Kind.SERVER ? startServer(p) : startAgent(p);
        p.out = null;
        if (!ok) {
            return Optional.empty();
        }
        lab.state.node(node).processes.add(p);
        return Optional.of(p);
    }

    private boolean startServer(K3sProcess p) {
        NodeFiles files = lab.files(p.node);
        if (lab.state.node(p.node).processes.stream().anyMatch(o -> o.kind == K3sProcess.Kind.SERVER)) {
            return fatal(p, "starting kubernetes: preparing server: init cluster datastore and https: listen tcp :6443: bind: address already in use");
        }
        DataDir.mkdirs(files, DataDir.SERVER, "rwx------");
        DataDir.mkdirs(files, DataDir.DB, "rwx------");
        DataDir.mkdirs(files, DataDir.ETCD, "rwx------");
        String memberName = DataDir.read(files, DataDir.NAME).orElseGet(() -> {
            String n = p.nodeName() + "-" + UUID.nameUUIDFromBytes(bytes(lab.state.random())).toString().substring(0, 8);
            DataDir.write(files, DataDir.NAME, n, "rw-------");
            return n;
        });
        p.memberName = memberName;
        Credentials creds = Credentials.ensure(lab, files, p.config.token());
        boolean started;
        if (DataDir.walInitialized(files)) {
            started = new EtcdStart(lab, this).existing(p, files);
        } else if (p.config.joinInfo()) {
            started = new EtcdStart(lab, this).join(p, files);
        } else if (p.config.clusterInit()) {
            started = new EtcdStart(lab, this).newCluster(p, files, creds);
        } else {
            started = startSqlite(p, files);
        }
        if (!started) {
            return false;
        }
        if (p.mode != K3sProcess.Mode.ETCD_JOIN) {
            creds.writeToken(files);
        }
        writeCommonFiles(files, true);
        lab.log(p, "info", "Server node token is available at /var/lib/rancher/k3s/server/token");
        lab.log(p, "info", "To join server node to cluster: k3s server -s https://" + lab.nodeIp(p) + ":6443 -t ${SERVER_NODE_TOKEN}");
        return true;
    }

    private boolean startSqlite(K3sProcess p, NodeFiles files) {
        p.mode = K3sProcess.Mode.SQLITE;
        lab.log(p, "info", "Configuring sqlite3 database connection pooling: maxIdleConns=2, maxOpenConns=0, connMaxLifetime=0s");
        lab.log(p, "info", "Configuring database table schema and indexes, this may take a moment...");
        lab.sqlite(p.node).open();
        lab.log(p, "info", "Database tables and indexes are up to date");
        DataDir.kineSocket(files);
        lab.log(p, "info", "Kine available at unix://kine.sock");
        p.store = "sqlite:" + p.node;
        return true;
    }

    private boolean startAgent(K3sProcess p) {
        if (p.config.serverUrl() == null) {
            return fatal(p, "--server is required");
        }
        if (p.config.token() == null) {
            return fatal(p, "--token is required");
        }
        p.mode = K3sProcess.Mode.AGENT;
        writeCommonFiles(lab.files(p.node), false);
        return true;
    }

    /** The directories and files every K3s node has besides {@code server/}: agent, data, kubeconfig, node password. */
    private void writeCommonFiles(NodeFiles files, boolean server) {
        DataDir.mkdirs(files, DataDir.DATA + "/agent", "rwx------");
        DataDir.mkdirs(files, DataDir.DATA + "/data/2c249a39358bd36438ab53aedef5487d950fd558/bin", "rwxr-xr-x");
        DataDir.mkdirs(files, "/etc/rancher/node", "rwx------");
        if (!DataDir.exists(files, DataDir.NODE_PASSWORD)) {
            DataDir.write(files, DataDir.NODE_PASSWORD, DataDir.randomHex(lab.state.random(), 16) + "\n", "rw-------");
        }
        if (server) {
            DataDir.write(files, DataDir.KUBECONFIG, Credentials.kubeconfig(lab.state.random()), "rw-------");
        }
    }

    /** Logs a fatal line; the process exits 1 (real K3s: logrus fatal). */
    boolean fatal(K3sProcess p, String msg) {
        lab.log(p, "fatal", msg);
        return false;
    }

    static byte[] bytes(Random r) {
        byte[] b = new byte[16];
        r.nextBytes(b);
        return b;
    }

    static String membersList(List<EtcdCluster.Member> members) {
        StringBuilder sb = new StringBuilder("[");
        for (EtcdCluster.Member m : members) {
            if (sb.length() > 1) {
                sb.append(' ');
            }
            sb.append(m.name).append('=').append(m.peerUrl);
        }
        return sb.append(']').toString();
    }
}
