package dev.k3slab.observe;

import java.util.List;

/**
 * One row of {@code etcdctl endpoint status} (table or JSON).
 *
 * @param endpoint         ENDPOINT as given to etcdctl
 * @param id               member ID, lower-case hex
 * @param version          etcd server version
 * @param dbSize           DB SIZE as printed (table) or formatted from bytes (JSON)
 * @param leader           IS LEADER
 * @param learner          IS LEARNER
 * @param raftTerm         RAFT TERM
 * @param raftIndex        RAFT INDEX
 * @param raftAppliedIndex RAFT APPLIED INDEX
 * @param errors           ERRORS, empty when none
 */
public record EndpointStatus(String endpoint, String id, String version, String dbSize, boolean leader,
                             boolean learner, long raftTerm, long raftIndex, long raftAppliedIndex,
                             List<String> errors) {
    public EndpointStatus {
        errors = List.copyOf(errors);
    }
}
