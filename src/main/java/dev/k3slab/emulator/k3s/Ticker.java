package dev.k3slab.emulator.k3s;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What happens in one emulated second: units restarting, joins, apiservers coming up, kubelets
 * posting node status, raft elections, learner promotion and removal, the node controller's grace
 * period and the etcd member controller. Called by the clock listener under the model lock.
 */
final class Ticker {
    private final Lab lab;
    private final Systemd systemd;
    private final EtcdStart etcd;
    private final Kubelet kubelet;

    Ticker(Lab lab, Systemd systemd) {
        this.lab = lab;
        this.systemd = systemd;
        this.etcd = new EtcdStart(lab, new K3sStart(lab));
        this.kubelet = new Kubelet(lab);
    }

    void tick() {
        Instant now = lab.now();
        lab.state.nodes.forEach((node, ns) -> {
            if (!ns.up) {
                return;
            }
            ns.units.forEach((unit, u) -> {
                if (u.restartAt != null && !now.isBefore(u.restartAt)) {
                    u.restartAt = null;
                    lab.journal(node, unit, "systemd[1]: " + unit + ": Scheduled restart job, restart counter is at 1.");
                    systemd.start(node, unit, Lab.quiet());
                }
            });
        });
        for (K3sProcess p : lab.state.allProcesses()) {
            if (p.joinAttemptAt != null && !now.isBefore(p.joinAttemptAt)) {
                etcd.attemptJoin(p);
            }
            if (!lab.state.node(p.node).processes.contains(p)) {
                continue;
            }
            if (p.kind == K3sProcess.Kind.SERVER) {
                serverProgress(p, now);
                if (p.apiUp(now) && lab.writable(p.store)) {
                    kubelet.post(p, p.store);
                }
            } else {
                kubelet.agent(p);
            }
        }
        for (EtcdCluster c : List.copyOf(lab.state.clusters.values())) {
            raft(c, now);
        }
        nodeControllers(now);
    }

    private void serverProgress(K3sProcess p, Instant now) {
        if (p.apiUpAt != null) {
            return;
        }
        if (p.mode == K3sProcess.Mode.ETCD_JOIN) {
            Optional<EtcdCluster.Member> m = lab.clusterOf(p).flatMap(c -> c.member(p.memberId));
            if (m.isEmpty() || m.get().learner) {
                return;
            }
            DataDir.mkdirs(lab.files(p.node), DataDir.SNAPSHOTS, "rwx------");
            lab.log(p, "info", "etcd data store connection OK");
            upAt(p, now.plus(Timings.JOINER_APISERVER_AFTER_PROMOTION));
        } else if (!now.isBefore(p.startedAt.plus(Timings.APISERVER_UP)) && lab.writable(p.store)) {
            upAt(p, now);
        }
    }

    private void upAt(K3sProcess p, Instant at) {
        p.apiUpAt = at;
        p.kubeletFrom = at.plus(Timings.KUBELET_AFTER_APISERVER);
        Instant ready = p.kubeletFrom.plus(Timings.READY_AFTER_KUBELET);
        Instant earliest = p.startedAt.plus(Timings.SERVER_READY);
        p.readyFrom = ready.isAfter(earliest) ? ready : earliest;
        lab.log(p, "info", "k3s is up and running");
    }

    /** Elections (with pre-vote: only a lost leader raises the term), raft index, learners, member removal. */
    private void raft(EtcdCluster c, Instant now) {
        Set<Long> running = lab.runningMembers(c);
        if (c.leader != 0 && !running.contains(c.leader)) {
            c.leader = 0;
            c.electionDueAt = now.plus(Timings.ELECTION_TIMEOUT);
        }
        if (c.leader == 0) {
            if (c.electionDueAt == null || !c.hasQuorum(running)) {
                c.electionDueAt = now.plus(Timings.ELECTION_TIMEOUT);
            } else if (!now.isBefore(c.electionDueAt)) {
                List<EtcdCluster.Member> candidates = c.sortedMembers().stream()
                        .filter(m -> !m.learner && running.contains(m.id)).toList();
                c.leader = candidates.get(lab.state.random().nextInt(candidates.size())).id;
                c.term++;
                c.electionDueAt = null;
            }
            return;
        }
        c.raftIndex += Timings.RAFT_ENTRIES_PER_SECOND;
        for (EtcdCluster.Member m : c.members) {
            if (running.contains(m.id) && (!m.learner || !now.isBefore(m.addedAt.plus(Timings.LEARNER_CATCH_UP)))) {
                m.appliedIndex = c.raftIndex;
                if (m.learner) {
                    m.lastProgressAt = now;
                }
            }
        }
        manageLearners(c, running, now);
        removeDeletedMembers(c);
    }

    /** The leader's 15-s {@code manageLearners} ticker: promote the first learner once in sync, remove one stalled 5 min. */
    private void manageLearners(EtcdCluster c, Set<Long> running, Instant now) {
        Optional<K3sProcess> leader = lab.processOfMember(c, c.leader);
        if (leader.isEmpty()) {
            return;
        }
        long elapsed = Duration.between(leader.get().startedAt, now).getSeconds();
        if (elapsed <= 0 || elapsed % Timings.LEARNER_TICKER.getSeconds() != 0) {
            return;
        }
        Optional<EtcdCluster.Member> first = c.sortedMembers().stream().filter(m -> m.learner).findFirst();
        if (first.isEmpty()) {
            return;
        }
        EtcdCluster.Member m = first.get();
        boolean inSync = running.contains(m.id) && !now.isBefore(m.addedAt.plus(Timings.LEARNER_CATCH_UP));
        if (inSync) {
            m.learner = false;
            c.raftIndex++;
            lab.log(leader.get(), "info", "Promoted learner " + m.name);
            return;
        }
        Duration stalled = Duration.between(m.lastProgressAt, now);
        if (stalled.compareTo(Timings.LEARNER_MAX_STALL) > 0) {
            c.members.remove(m);
            c.raftIndex++;
            lab.log(leader.get(), "info", "Removed learner " + m.name + " from etcd cluster");
        } else {
            lab.log(leader.get(), "info", "Learner " + m.name + " stalled at RaftAppliedIndex=" + m.appliedIndex
                    + " for " + stalled.getSeconds() + "s");
        }
    }

    /**
     * The {@code managed-etcd-controller} finalizer: a deleted Node's member is removed (name and
     * peer host must match) when etcd allows it; the Node object goes once that succeeded.
     */
    void removeDeletedMembers(EtcdCluster c) {
        if (!controllerRuns(c, lab.now())) {
            return;
        }
        Optional<K3sProcess> leader = lab.processOfMember(c, c.leader);
        for (NodeObject n : List.copyOf(c.nodes.values())) {
            if (!n.deleting()) {
                continue;
            }
            String name = n.annotations().get(NodeObject.ETCD_NAME);
            String address = n.annotations().get(NodeObject.ETCD_ADDRESS);
            if (!n.labels().containsKey(NodeObject.ROLE_PREFIX + "etcd") || name == null || address == null) {
                c.delete(n.name());
                continue;
            }
            Optional<EtcdCluster.Member> m = c.members.stream()
                    .filter(x -> name.equals(x.name) && x.peerUrl.contains("//" + address + ":")).findFirst();
            if (m.isPresent()) {
                Set<Long> running = lab.runningMembers(c);
                List<EtcdCluster.Member> remaining = c.members.stream().filter(x -> x != m.get() && !x.learner).toList();
                long started = remaining.stream().filter(x -> running.contains(x.id)).count();
                if (started < remaining.size() / 2 + 1) {
                    leader.ifPresent(l -> lab.log(l, "error", "Failed to remove etcd member " + name
                            + ": etcdserver: re-configuration failed due to not enough started members"));
                    continue;
                }
                leader.ifPresent(l -> lab.log(l, "info", "Removing etcd member from cluster due to node delete"));
                leader.ifPresent(l -> lab.log(l, "info", "Removing name=" + name + " id=" + Long.toUnsignedString(m.get().id)
                        + " address=" + address + " from etcd"));
                c.members.remove(m.get());
                c.raftIndex++;
            }
            c.delete(n.name());
        }
    }

    /** The cluster's controllers run: it has a leader and an apiserver of it is up. */
    private boolean controllerRuns(EtcdCluster c, Instant now) {
        return c.leader != 0 && lab.state.allProcesses().stream().anyMatch(p -> c.id.equals(p.clusterId) && p.apiUp(now));
    }

    /** The node controller of each datastore with a running controller-manager: Unknown after the grace period. */
    private void nodeControllers(Instant now) {
        for (EtcdCluster c : lab.state.clusters.values()) {
            if (controllerRuns(c, now)) {
                kubelet.markStale(c, now);
            }
        }
        for (K3sProcess p : lab.state.allProcesses()) {
            if (p.mode == K3sProcess.Mode.SQLITE && p.apiUp(now)) {
                kubelet.markStale(lab.sqlite(p.node), now);
            }
        }
    }
}
