package dev.k3slab.emulator.k3s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One embedded-etcd cluster shared by its members: membership, raft leader, term and index, and
 * the key space (Node objects). Which members run is not stored here but asked of the model (a
 * member runs while its node's K3s process runs with that member id). Mutable state of the model.
 */
final class EtcdCluster implements NodeStore {
    public String id;
    public List<Member> members = new ArrayList<>();
    /** Current raft leader's member id, 0 while there is none. */
    public long leader;
    public long term;
    public long raftIndex;
    /** When the next election can happen (election timeout after the leader was lost). */
    public Instant electionDueAt;
    public Map<String, NodeObject> nodes = new TreeMap<>();
    /** The K3s cluster CA ({@code server/tls/server-ca.crt}) whose SHA-256 is in the token. */
    public String serverCa;
    /** {@code server/tls/etcd/server-ca.crt}. */
    public String etcdCa;
    /** The server password, the part of the token after {@code ::server:}. */
    public String password;

    /** One etcd member. */
    static final class Member {
        public long id;
        public String name;
        public String peerUrl;
        public String clientUrl;
        public boolean learner;
        public Instant addedAt;
        public long appliedIndex;
        /** The learner's last progress (for the 5-minute stall rule). */
        public Instant lastProgressAt;
    }

    @Override
    public String id() {
        return "etcd:" + id;
    }

    /** Members sorted by numeric (unsigned) id, as etcd's RaftCluster.Members returns them. */
    List<Member> sortedMembers() {
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(m -> m.id, Long::compareUnsigned));
        return sorted;
    }

    Optional<Member> member(long memberId) {
        return members.stream().filter(m -> m.id == memberId).findFirst();
    }

    List<Member> voters() {
        return members.stream().filter(m -> !m.learner).toList();
    }

    int quorum() {
        return voters().size() / 2 + 1;
    }

    boolean hasQuorum(Set<Long> running) {
        return voters().stream().filter(m -> running.contains(m.id)).count() >= quorum();
    }

    boolean allVotersRunning(Set<Long> running) {
        return voters().stream().allMatch(m -> running.contains(m.id));
    }

    @Override
    public List<NodeObject> list() {
        return new ArrayList<>(nodes.values());
    }

    @Override
    public Optional<NodeObject> get(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    @Override
    public void put(NodeObject node) {
        nodes.put(node.name(), node);
        raftIndex++;
    }

    @Override
    public void delete(String name) {
        nodes.remove(name);
        raftIndex++;
    }
}
