package dev.k3slab.record;

import dev.k3slab.observe.DbLayout;
import dev.k3slab.observe.EndpointHealth;
import dev.k3slab.observe.EndpointStatus;
import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.JoinFlags;
import dev.k3slab.observe.NodeRow;
import java.time.Instant;
import java.util.List;

/**
 * What the harness saw from one node's point of view at one moment. Only the fields of its kind
 * are set; the others are null. {@code unavailable} holds the reason when the probe itself said
 * "not reachable" (apiserver refused, etcd endpoint timed out, a folder that does not exist): that
 * is an observation, not an error. {@code problem} holds the reason when the harness could not
 * observe at all (no exit status received, output the parsers rejected): checks that depend on
 * such an observation are UNKNOWN, never FAIL.
 *
 * @param name        the name scenarios refer to it by, e.g. {@code after-from-cp3}
 * @param kind        nodes, members, status, health, layout, unit, files
 * @param from        the node it was observed from
 * @param at          the lab's clock when observed
 * @param nodes       kubectl get nodes rows
 * @param members     etcdctl member list rows
 * @param status      etcdctl endpoint status rows
 * @param health      etcdctl endpoint health rows
 * @param layout      datastore layout of server/db
 * @param dbFiles     names in server/db and server/db/etcd (as {@code db/x}, {@code db/etcd/y})
 * @param joinFlags   join flags of the node's k3s unit (ExecStart plus env file)
 * @param execStart   the unit's ExecStart words
 * @param unavailable why the probe got no data, or null
 * @param files       for a {@code files} observation: the names in the listed folder ({@code .} and {@code ..} left out)
 * @param problem     why the harness could not observe (the observation is unusable), or null
 */
public record ObservationRecord(String name, String kind, String from, Instant at, List<NodeRow> nodes,
                                List<EtcdMember> members, List<EndpointStatus> status, List<EndpointHealth> health,
                                DbLayout layout, List<String> dbFiles, JoinFlags joinFlags, List<String> execStart,
                                String unavailable, List<String> files, String problem) {

    /** The record without {@code files} and {@code problem} (the shape before they were added). */
    public ObservationRecord(String name, String kind, String from, Instant at, List<NodeRow> nodes,
                             List<EtcdMember> members, List<EndpointStatus> status, List<EndpointHealth> health,
                             DbLayout layout, List<String> dbFiles, JoinFlags joinFlags, List<String> execStart,
                             String unavailable) {
        this(name, kind, from, at, nodes, members, status, health, layout, dbFiles, joinFlags, execStart,
                unavailable, null, null);
    }

    /** True when the harness could observe (the data, or the reason it is unavailable, can be trusted). */
    public boolean usable() {
        return problem == null;
    }
}
