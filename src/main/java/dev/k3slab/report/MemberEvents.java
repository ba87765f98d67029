package dev.k3slab.report;

import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.NodeRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two successive observations of the etcd member list (by member ID) or of the
 * node list (by name). Remembers every member ID seen per node, so a rejoin under a new ID says so.
 */
final class MemberEvents {

    enum Type { ADDED_LEARNER, ADDED_VOTER, PROMOTED, REMOVED, NODE_ADDED, NODE_REMOVED }

    /** One change; {@code previousId} is the node's earlier member ID when a new one appeared, else null. */
    record Event(Type type, String node, String id, String previousId) {
        String text() {
            return switch (type) {
                case ADDED_LEARNER -> "member " + node + " added as a learner (ID " + id + newId() + ")";
                case ADDED_VOTER -> "member " + node + " added as a voter (ID " + id + newId() + ")";
                case PROMOTED -> "member " + node + " promoted from learner to voter (ID " + id + ")";
                case REMOVED -> "member " + node + " removed (ID " + id + ")";
                case NODE_ADDED -> "Node object " + node + " appeared";
                case NODE_REMOVED -> "Node object " + node + " gone";
            };
        }

        private String newId() {
            return previousId == null ? "" : ", a new ID; was " + previousId;
        }
    }

    private final Map<String, Set<String>> idsByNode = new HashMap<>();

    /** Records the IDs of a member list without reporting changes (what was known before). */
    void remember(List<EtcdMember> members) {
        members.forEach(m -> idsByNode.computeIfAbsent(m.nodeName(), k -> new LinkedHashSet<>()).add(m.id()));
    }

    List<Event> members(List<EtcdMember> before, List<EtcdMember> after) {
        Map<String, EtcdMember> old = byId(before);
        Map<String, EtcdMember> now = byId(after);
        List<Event> events = new ArrayList<>();
        old.forEach((id, m) -> {
            if (!now.containsKey(id)) {
                events.add(new Event(Type.REMOVED, m.nodeName(), id, null));
            }
        });
        now.forEach((id, m) -> {
            EtcdMember was = old.get(id);
            if (was == null) {
                String previous = idsByNode.getOrDefault(m.nodeName(), Set.of()).stream()
                        .filter(other -> !other.equals(id)).reduce((a, b) -> b).orElse(null);
                events.add(new Event(m.learner() ? Type.ADDED_LEARNER : Type.ADDED_VOTER, m.nodeName(), id, previous));
            } else if (was.learner() && !m.learner()) {
                events.add(new Event(Type.PROMOTED, m.nodeName(), id, null));
            }
        });
        remember(after);
        return events;
    }

    static List<Event> nodes(List<NodeRow> before, List<NodeRow> after) {
        Set<String> old = new LinkedHashSet<>(before.stream().map(NodeRow::name).toList());
        Set<String> now = new LinkedHashSet<>(after.stream().map(NodeRow::name).toList());
        List<Event> events = new ArrayList<>();
        old.stream().filter(n -> !now.contains(n)).forEach(n -> events.add(new Event(Type.NODE_REMOVED, n, null, null)));
        now.stream().filter(n -> !old.contains(n)).forEach(n -> events.add(new Event(Type.NODE_ADDED, n, null, null)));
        return events;
    }

    /** {@code 3 members: cp-1 (bf62...), cp-2 (...), cp-3 (..., learner)}. */
    static String describe(List<EtcdMember> members) {
        List<String> parts = new ArrayList<>();
        for (EtcdMember m : members) {
            parts.add(m.nodeName() + " (" + m.id() + (m.learner() ? ", learner" : "")
                    + ("started".equals(m.status()) ? "" : ", " + m.status()) + ")");
        }
        return members.size() + (members.size() == 1 ? " member: " : " members: ") + String.join(", ", parts);
    }

    private static Map<String, EtcdMember> byId(List<EtcdMember> members) {
        Map<String, EtcdMember> out = new LinkedHashMap<>();
        members.forEach(m -> out.put(m.id(), m));
        return out;
    }
}
