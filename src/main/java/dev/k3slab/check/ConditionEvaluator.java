package dev.k3slab.check;

import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.record.ObservationRecord;
import java.util.Optional;

/**
 * Tests a wait's {@link Condition} on one fresh observation: PASS when it holds, FAIL when it does
 * not (yet), UNKNOWN when the observation is unusable. Pure.
 */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    public static Outcome test(Condition c, ObservationRecord o) {
        if (!o.usable()) {
            return Outcome.unknown(c.text(), o.problem());
        }
        return switch (c.form()) {
            case NODE -> node(c, o);
            case NODE_ROLES -> {
                Optional<NodeRow> r = NodeRelations.row(o, c.subject());
                yield Outcome.of(r.isPresent() && r.get().rolesText().equals(c.state()), c.text(), seenNodes(o));
            }
            case NODES_READY -> Outcome.of(o.unavailable() == null && o.nodes().size() == Integer.parseInt(c.subject())
                    && o.nodes().stream().allMatch(NodeRow::ready), c.text(), seenNodes(o));
            case MEMBER -> member(c, o);
            case MEMBERS -> Outcome.of(o.unavailable() == null && o.members().size() == Integer.parseInt(c.subject()),
                    c.text(), seenMembers(o));
            case VOTERS -> Outcome.of(o.unavailable() == null && o.members().size() == Integer.parseInt(c.subject())
                    && o.members().stream().allMatch(m -> !m.learner() && m.status().equals("started")), c.text(), seenMembers(o));
            case APISERVER -> Outcome.of((o.unavailable() != null) == c.state().equals("refused"), c.text(), seenNodes(o));
            case ENDPOINT -> Outcome.of(c.state().equals("unavailable") ? o.unavailable() != null
                    : o.unavailable() == null && !o.health().isEmpty() && o.health().stream().allMatch(h -> h.healthy()),
                    c.text(), o.unavailable() != null ? "unavailable: " + o.unavailable() : String.valueOf(o.health()));
        };
    }

    private static Outcome node(Condition c, ObservationRecord o) {
        if (o.unavailable() != null) {
            return Outcome.of(false, c.text(), "unavailable: " + o.unavailable());
        }
        Optional<NodeRow> r = NodeRelations.row(o, c.subject());
        boolean holds = switch (c.state()) {
            case "Ready" -> r.isPresent() && r.get().ready();
            case "NotReady" -> r.isPresent() && !r.get().ready();
            case "listed" -> r.isPresent();
            default -> r.isEmpty();
        };
        return Outcome.of(holds, c.text(), seenNodes(o));
    }

    private static Outcome member(Condition c, ObservationRecord o) {
        if (o.unavailable() != null) {
            return Outcome.of(false, c.text(), "unavailable: " + o.unavailable());
        }
        Optional<EtcdMember> m = EtcdRelations.member(o, c.subject());
        boolean holds = switch (c.state()) {
            case "present" -> m.isPresent();
            case "absent" -> m.isEmpty();
            case "learner" -> m.isPresent() && m.get().learner();
            default -> m.isPresent() && !m.get().learner() && m.get().status().equals("started");
        };
        return Outcome.of(holds, c.text(), seenMembers(o));
    }

    /** A one-line summary of a node list, for progress and records. */
    public static String seenNodes(ObservationRecord o) {
        if (o.unavailable() != null) {
            return "unavailable: " + o.unavailable();
        }
        return o.nodes().stream().map(r -> r.name() + " " + r.status() + " " + r.rolesText() + " " + r.age()).toList().toString();
    }

    /** A one-line summary of a member list. */
    public static String seenMembers(ObservationRecord o) {
        if (o.unavailable() != null) {
            return "unavailable: " + o.unavailable();
        }
        return o.members().stream().map(m -> m.name() + " " + m.id() + " " + m.status() + (m.learner() ? " learner" : "")).toList().toString();
    }
}
