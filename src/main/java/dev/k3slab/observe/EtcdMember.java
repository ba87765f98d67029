package dev.k3slab.observe;

import java.util.List;

/**
 * One etcd member as {@code etcdctl member list} shows it (table, simple or JSON).
 *
 * @param id         member ID in lower-case hex without leading zeros (as etcdctl's table prints it)
 * @param status     {@code started}, or {@code unstarted} for a learner that has not started
 * @param name       member name, e.g. {@code cp-3-950e9061}; empty when none
 * @param peerUrls   PEER ADDRS
 * @param clientUrls CLIENT ADDRS
 * @param learner    IS LEARNER
 */
public record EtcdMember(String id, String status, String name, List<String> peerUrls, List<String> clientUrls,
                         boolean learner) {
    public EtcdMember {
        peerUrls = List.copyOf(peerUrls);
        clientUrls = List.copyOf(clientUrls);
    }

    /** The node name this member belongs to: the member name without its last {@code -xxxxxxxx} part. */
    public String nodeName() {
        int i = name.lastIndexOf('-');
        return i > 0 ? name.substring(0, i) : name;
    }
}
