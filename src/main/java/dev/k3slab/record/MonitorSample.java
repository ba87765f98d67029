package dev.k3slab.record;

import java.time.Instant;
import java.util.List;

/**
 * One sample of a monitor (the 5-s {@code kubectl get nodes} / {@code member list} loop of
 * experiments 4 and 5, plus {@code endpoint status} for RAFT TERM), for the report's timeline.
 *
 * @param at         the lab's clock
 * @param from       the node the monitor runs on
 * @param experiment the experiment running
 * @param step       the step running
 * @param nodes      each node's name, Ready or not
 * @param members    etcd member count, or null when not read
 * @param learners   etcd learners, or null when not read
 * @param raftTerm   RAFT TERM from endpoint status, or null when not read
 * @param error      what went wrong reading, or null
 */
public record MonitorSample(Instant at, String from, String experiment, String step, List<NodePoint> nodes,
                            Integer members, Integer learners, Long raftTerm, String error) {
    public MonitorSample {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** One node in a sample. */
    public record NodePoint(String name, boolean ready, String roles) {
    }
}
