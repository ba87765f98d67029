package dev.k3slab.emulator.k3s;

import java.time.Duration;

/**
 * The emulated durations of the model and where each comes from (reference §2, §3, Kubernetes
 * 1.27 defaults, and the source run's transcripts). Kept in one place so docs/emulated-lab-model.md
 * can cite them.
 */
final class Timings {
    /** etcd election timeout set by K3s ({@code cluster()}: election 5000 ms). */
    static final Duration ELECTION_TIMEOUT = Duration.ofSeconds(5);
    /** kube-controller-manager node-monitor-grace-period in Kubernetes 1.27. */
    static final Duration NODE_MONITOR_GRACE = Duration.ofSeconds(40);
    /** K3s {@code manageTickerTime}: the leader checks learners every 15 s. */
    static final Duration LEARNER_TICKER = Duration.ofSeconds(15);
    /** K3s {@code learnerMaxStallTime}: a learner without progress is removed after 5 min. */
    static final Duration LEARNER_MAX_STALL = Duration.ofMinutes(5);
    /** A new learner catches up with the leader's index (small key space). */
    static final Duration LEARNER_CATCH_UP = Duration.ofSeconds(2);
    /** A joining server's MemberAdd, observed ~5 s after the start (5c monitor). */
    static final Duration JOIN_MEMBER_ADD = Duration.ofSeconds(5);
    /** The apiserver listens this long after the datastore is up. */
    static final Duration APISERVER_UP = Duration.ofSeconds(8);
    /** After promotion the joiner's datastore test passes (polled every 5 s) and its apiserver starts. */
    static final Duration JOINER_APISERVER_AFTER_PROMOTION = Duration.ofSeconds(3);
    /** The kubelet registers / posts status this long after its apiserver is reachable. */
    static final Duration KUBELET_AFTER_APISERVER = Duration.ofSeconds(4);
    /** A server's node is Ready this long after the start at the earliest (4a: Ready within ~30 s). */
    static final Duration SERVER_READY = Duration.ofSeconds(20);
    /** Ready follows the first status post after this long (CNI and runtime up). */
    static final Duration READY_AFTER_KUBELET = Duration.ofSeconds(8);
    /** An agent's kubelet starts posting this long after the agent starts. */
    static final Duration AGENT_KUBELET = Duration.ofSeconds(5);
    /** systemd {@code RestartSec=5s} of the K3s units. */
    static final Duration RESTART_SEC = Duration.ofSeconds(5);
    /** etcdctl's default --dial-timeout (2 s) plus command timeout: what a failed status waits. */
    static final Duration ETCDCTL_DIAL_TIMEOUT = Duration.ofSeconds(2);
    /** Raft entries per second while a leader exists (leases, node status, events): any monotone rate. */
    static final int RAFT_ENTRIES_PER_SECOND = 5;

    private Timings() {
    }
}
