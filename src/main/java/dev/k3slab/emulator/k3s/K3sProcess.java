package dev.k3slab.emulator.k3s;

import java.time.Instant;

/**
 * One running K3s process (server or agent) on a node: how it started, which datastore it serves
 * and where it is in its start-up. Mutable state of the model, kept in {@link ModelState}.
 */
final class K3sProcess {
    enum Kind { SERVER, AGENT }

    /** How a server chose its datastore (reference §1). */
    enum Mode { SQLITE, ETCD_NEW, ETCD_EXISTING, ETCD_JOIN, AGENT }

    public long pid;
    public String node;
    public Kind kind;
    public Mode mode;
    public String commandLine;
    /** The systemd unit that runs it ({@code k3s.service}), or null when started by hand. */
    public String unit;
    public Instant startedAt;
    public K3sConfig config;
    /** The datastore it serves (server) or last posted its node status to (agent); null before. */
    public String store;
    public String clusterId;
    public long memberId;
    public String memberName;
    /** A joining server's next MemberAdd attempt; null once it is a member. */
    public Instant joinAttemptAt;
    public Instant lastJoinLog;
    public Instant apiUpAt;
    public Instant kubeletFrom;
    public Instant readyFrom;
    /** The datastore this process's kubelet last set its labels in. */
    public String labelsAppliedTo;
    /** Log lines of a process started by hand after its start (they have no journal). */
    public java.util.List<String> laterOutput = new java.util.ArrayList<>();
    /** Where a hand-started process's lines go while the starting command still runs. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public transient java.io.PrintStream out;

    boolean apiUp(Instant now) {
        return apiUpAt != null && !now.isBefore(apiUpAt);
    }

    /** The Kubernetes node name: {@code --node-name}, else the host name, lower-cased. */
    String nodeName() {
        return (config.nodeName() != null ? config.nodeName() : node).toLowerCase(java.util.Locale.ROOT);
    }

    boolean etcdMode() {
        return mode == Mode.ETCD_NEW || mode == Mode.ETCD_EXISTING || mode == Mode.ETCD_JOIN;
    }

    /** Its etcd member is running (a joiner only once it has been added). */
    boolean etcdRunning() {
        return etcdMode() && memberId != 0;
    }
}
