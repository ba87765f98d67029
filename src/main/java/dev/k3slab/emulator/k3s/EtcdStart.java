package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.NodeFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The three {@code ETCD.Start} paths (reference §2): an existing member restarting from its WAL,
 * a new cluster (with the SQLite migration of §4), and a learner join (validated at start, the
 * MemberAdd itself runs from the clock, {@link #attemptJoin}).
 */
final class EtcdStart {
    /** What the model writes into the WAL dir: which cluster and member this disk belongs to. */
    record WalRecord(String clusterId, long memberId, String name) {
    }

    private final Lab lab;
    private final K3sStart start;

    EtcdStart(Lab lab, K3sStart start) {
        this.lab = lab;
        this.start = start;
    }

    boolean existing(K3sProcess p, NodeFiles files) {
        p.mode = K3sProcess.Mode.ETCD_EXISTING;
        lab.log(p, "info", "Managed etcd cluster bootstrap already complete and initialized");
        Optional<WalRecord> wal = readWal(files);
        if (wal.isEmpty()) {
            throw new NotModelled("an etcd WAL directory without the WAL written by the model ("
                    + DataDir.WAL_FILE + "): real etcd would try to start a member with no state");
        }
        EtcdCluster c = lab.state.clusters.get(wal.get().clusterId());
        if (c == null) {
            throw new NotModelled("an etcd WAL of cluster " + wal.get().clusterId() + " that this model never created");
        }
        Optional<EtcdCluster.Member> m = c.member(wal.get().memberId());
        if (m.isEmpty()) {
            throw new NotModelled("restart of a removed etcd member (tombstone, reference §3): member "
                    + MemberIds.hex(wal.get().memberId()) + " is no longer in cluster " + c.id);
        }
        if (p.config.serverUrl() == null) {
            lab.log(p, "info", "Starting temporary etcd to reconcile with datastore");
        }
        lab.log(p, "info", "Starting etcd for existing cluster member");
        attach(p, c, m.get(), files, false);
        return true;
    }

    boolean newCluster(K3sProcess p, NodeFiles files, Credentials creds) {
        p.mode = K3sProcess.Mode.ETCD_NEW;
        lab.log(p, "info", "Managed etcd cluster initializing");
        String ip = lab.nodeIp(p);
        EtcdCluster c = new EtcdCluster();
        EtcdCluster.Member m = new EtcdCluster.Member();
        m.id = MemberIds.firstMember(peerUrl(ip));
        m.name = p.memberName;
        m.peerUrl = peerUrl(ip);
        m.addedAt = lab.now();
        c.id = MemberIds.hex(MemberIds.clusterId(m.id));
        c.members.add(m);
        c.leader = m.id;
        // A new single-member cluster campaigns once at start and once after the initial
        // configuration change: the source run's cluster showed RAFT TERM 2 (experiment 2).
        c.term = 2;
        c.raftIndex = 4;
        c.serverCa = creds.serverCa();
        c.etcdCa = creds.etcdCa();
        c.password = creds.password();
        lab.state.clusters.put(c.id, c);
        lab.log(p, "info", "Starting etcd for new cluster");
        attach(p, c, m, files, true);
        migrateFromSqlite(p, files, c);
        return true;
    }

    /** {@code migrateFromSQLite}: copies every key from state.db and renames it to state.db.migrated. */
    private void migrateFromSqlite(K3sProcess p, NodeFiles files, EtcdCluster c) {
        Path db = files.resolve(DataDir.STATE_DB);
        if (!Files.isRegularFile(db)) {
            return;
        }
        lab.log(p, "info", "Migrating content from sqlite to etcd");
        SqliteStore sqlite = lab.sqlite(p.node);
        String from = sqlite.id();
        for (NodeObject n : sqlite.list()) {
            lab.log(p, "info", "Migrating etcd key /registry/minions/" + n.name());
            c.put(n);
            Instant hb = lab.state.heartbeats.get(from + "|" + n.name());
            if (hb != null) {
                lab.state.heartbeats.put(c.id() + "|" + n.name(), hb);
            }
        }
        lab.closeSqlite(p.node);
        try {
            Files.move(db, db.resolveSibling("state.db.migrated"));
            // The migration checkpoints the WAL into the database file: the -wal file is left empty.
            Files.write(db.resolveSibling("state.db-wal"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates the join at start; the MemberAdd follows from the clock ({@link #attemptJoin}). */
    boolean join(K3sProcess p, NodeFiles files) {
        p.mode = K3sProcess.Mode.ETCD_JOIN;
        Optional<K3sProcess> target = targetServer(p);
        if (target.isEmpty()) {
            return start.fatal(p, "starting kubernetes: preparing server: failed to get CA certs: Get \"https://"
                    + p.config.serverHost() + ":6443/cacerts\": dial tcp " + p.config.serverHost()
                    + ":6443: connect: connection refused");
        }
        Optional<EtcdCluster> c = lab.clusterOf(target.get());
        if (c.isEmpty()) {
            throw new NotModelled("a server joining (--server) a server that does not run embedded etcd ("
                    + target.get().node + " uses " + target.get().store + ")");
        }
        String tokenProblem = tokenProblem(p.config.token(), c.get(), p.config.serverUrl());
        if (tokenProblem != null) {
            return start.fatal(p, tokenProblem);
        }
        Credentials.adopt(lab, files, c.get());
        lab.log(p, "info", "Managed etcd cluster not yet initialized");
        lab.log(p, "info", "Waiting for agent to become ready before joining etcd cluster");
        p.clusterId = c.get().id;
        p.joinAttemptAt = lab.now().plus(Timings.JOIN_MEMBER_ADD);
        return true;
    }

    /** Null when the token is accepted by the cluster, else the fatal message K3s logs. */
    static String tokenProblem(String token, EtcdCluster c, String serverUrl) {
        String hash = Credentials.caHashOf(token);
        String clusterHash = DataDir.sha256Hex(c.serverCa);
        if (hash != null && hash.length() != 64) {
            return "starting kubernetes: preparing server: failed to normalize server token; invalid token CA hash length";
        }
        if (hash != null && !hash.equals(clusterHash)) {
            return "starting kubernetes: preparing server: failed to validate token: token CA hash does not match the Cluster CA certificate hash: "
                    + hash + " != " + clusterHash;
        }
        if (!Credentials.passwordOf(token).equals(c.password)) {
            return "starting kubernetes: preparing server: failed to get CA certs: " + serverUrl.replaceAll("/+$", "")
                    + "/cacerts: 401 Unauthorized";
        }
        return null;
    }

    /** The server a {@code --server} URL points at, if its apiserver answers. */
    Optional<K3sProcess> targetServer(K3sProcess p) {
        return lab.nodeByAddress(p.config.serverHost())
                .flatMap(n -> lab.state.server(n.name()))
                .filter(s -> s.apiUp(lab.now()));
    }

    /**
     * One {@code join()} attempt: duplicate-name and peer-URL checks, then MemberAdd as a learner
     * unless a voting member is down (etcd's "unhealthy cluster") or a learner is still pending.
     */
    void attemptJoin(K3sProcess p) {
        NodeFiles files = lab.files(p.node);
        EtcdCluster c = lab.state.clusters.get(p.clusterId);
        Optional<K3sProcess> target = targetServer(p);
        if (c == null || target.isEmpty()) {
            retry(p, "Failed to get etcd cluster members from " + p.config.serverUrl() + ": connection refused");
            return;
        }
        String ip = lab.nodeIp(p);
        String nodeName = p.nodeName();
        for (EtcdCluster.Member m : c.members) {
            String base = m.name == null ? "" : m.name.replaceFirst("-[0-9a-f]{8}$", "");
            if (base.equals(nodeName) && !m.name.equals(p.memberName)) {
                DataDir.delete(files, DataDir.NAME);
                lab.log(p, "fatal", "etcd cluster join failed: duplicate node name found, please use a unique name for this node");
                lab.processFailed(p);
                return;
            }
            if (m.peerUrl.equals(peerUrl(ip)) && !p.memberName.equals(m.name)) {
                lab.log(p, "fatal", "etcd cluster join failed: etcdserver: Peer URLs already exists");
                lab.processFailed(p);
                return;
            }
            if (m.peerUrl.equals(peerUrl(ip))) {
                p.joinAttemptAt = null;
                attach(p, c, m, files, false);
                return;
            }
        }
        if (c.members.stream().anyMatch(m -> m.learner)) {
            retry(p, "Waiting for other members to finish joining etcd cluster: etcdserver: too many learner members in cluster");
            return;
        }
        if (!c.allVotersRunning(lab.runningMembers(c))) {
            retry(p, "Waiting for other members to finish joining etcd cluster: etcdserver: unhealthy cluster");
            return;
        }
        EtcdCluster.Member m = new EtcdCluster.Member();
        m.peerUrl = peerUrl(ip);
        m.id = MemberIds.added(m.peerUrl, lab.now());
        m.name = p.memberName;
        m.learner = true;
        m.addedAt = lab.now();
        m.lastProgressAt = lab.now();
        List<EtcdCluster.Member> before = List.copyOf(c.members);
        c.members.add(m);
        c.raftIndex++;
        lab.log(p, "info", "Adding member " + m.name + "=" + m.peerUrl + " to etcd cluster " + K3sStart.membersList(before));
        lab.log(p, "info", "Starting etcd to join cluster with members " + K3sStart.membersList(c.members));
        p.joinAttemptAt = null;
        attach(p, c, m, files, false);
    }

    private void retry(K3sProcess p, String msg) {
        // K3s retries every second; the model logs the first failure and then every 30 s.
        Instant now = lab.now();
        if (p.lastJoinLog == null || !now.isBefore(p.lastJoinLog.plus(Duration.ofSeconds(30)))) {
            lab.log(p, "info", msg);
            p.lastJoinLog = now;
        }
        p.joinAttemptAt = now.plusSeconds(1);
    }

    /** The process runs member {@code m}: the member dir, WAL record and etcd config are (re)written. */
    private void attach(K3sProcess p, EtcdCluster c, EtcdCluster.Member m, NodeFiles files, boolean newCluster) {
        String ip = lab.nodeIp(p);
        p.clusterId = c.id;
        p.memberId = m.id;
        p.store = c.id();
        m.clientUrl = "https://" + ip + ":2379";
        DataDir.mkdirs(files, DataDir.ETCD, "rwx------");
        DataDir.mkdirs(files, DataDir.MEMBER, "rwx------");
        DataDir.mkdirs(files, DataDir.WAL_DIR, "rwx------");
        DataDir.mkdirs(files, DataDir.MEMBER + "/snap", "rwx------");
        writeWal(files, new WalRecord(c.id, m.id, m.name));
        if (!DataDir.exists(files, DataDir.SNAP_DB)) {
            DataDir.write(files, DataDir.SNAP_DB, "", "rw-------");
        }
        DataDir.write(files, DataDir.CONFIG, etcdConfig(m.name, ip, newCluster ? m.name + "=" + m.peerUrl : null), "rw-------");
        if (!m.learner) {
            DataDir.mkdirs(files, DataDir.SNAPSHOTS, "rwx------");
        }
    }

    static String peerUrl(String ip) {
        return "https://" + ip + ":2380";
    }

    private void writeWal(NodeFiles files, WalRecord r) {
        try {
            DataDir.write(files, DataDir.WAL_FILE, lab.json.writeValueAsString(r) + "\n", "rw-------");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<WalRecord> readWal(NodeFiles files) {
        return DataDir.read(files, DataDir.WAL_FILE).map(text -> {
            try {
                return lab.json.readValue(text, WalRecord.class);
            } catch (IOException e) {
                throw new NotModelled("an etcd WAL file the model cannot read (" + e.getMessage() + ")");
            }
        });
    }

    /** {@code ETCDConfig.ToConfigFile}: the YAML K3s writes to db/etcd/config at each etcd start (~1.1 KB). */
    static String etcdConfig(String name, String ip, String initialCluster) {
        String tls = "/var/lib/rancher/k3s/server/tls/etcd/";
        StringBuilder y = new StringBuilder();
        y.append("advertise-client-urls: https://").append(ip).append(":2379\n");
        y.append("client-transport-security:\n  cert-file: ").append(tls).append("server-client.crt\n")
                .append("  client-cert-auth: true\n  key-file: ").append(tls).append("server-client.key\n")
                .append("  trusted-ca-file: ").append(tls).append("server-ca.crt\n");
        y.append("data-dir: /var/lib/rancher/k3s/server/db/etcd\nelection-timeout: 5000\n")
                .append("experimental-initial-corrupt-check: true\nexperimental-watch-progress-notify-interval: 5000000000\n")
                .append("heartbeat-interval: 500\n");
        if (initialCluster != null) {
            y.append("initial-advertise-peer-urls: https://").append(ip).append(":2380\n")
                    .append("initial-cluster: ").append(initialCluster).append("\ninitial-cluster-state: new\n");
        }
        y.append("listen-client-http-urls: https://127.0.0.1:2382\n")
                .append("listen-client-urls: https://127.0.0.1:2379,https://").append(ip).append(":2379\n")
                .append("listen-metrics-urls: http://127.0.0.1:2381\n")
                .append("listen-peer-urls: https://127.0.0.1:2380,https://").append(ip).append(":2380\n")
                .append("log-outputs:\n- stderr\nlogger: zap\nname: ").append(name).append('\n');
        y.append("peer-transport-security:\n  cert-file: ").append(tls).append("peer-server-client.crt\n")
                .append("  client-cert-auth: true\n  key-file: ").append(tls).append("peer-server-client.key\n")
                .append("  trusted-ca-file: ").append(tls).append("peer-ca.crt\n");
        y.append("snapshot-count: 10000\n");
        return y.toString();
    }
}
