package dev.k3slab.check;

import dev.k3slab.observe.EndpointHealth;
import dev.k3slab.observe.EndpointStatus;
import dev.k3slab.observe.EtcdMember;
import dev.k3slab.record.ObservationRecord;
import java.util.List;
import java.util.Optional;

/** Relations over etcd observations: members (present, learner, voter, same or new ID), RAFT TERM, endpoint answers. */
final class EtcdRelations {

    private EtcdRelations() {
    }

    static Outcome evaluate(CheckSpec c, ObservationRecord in, ObservationRecord earlier, ObservationRecord later,
                            ObservationRecord idRef) {
        return switch (c.relation()) {
            case MEMBER_PRESENT, MEMBER_ABSENT, MEMBER_LEARNER, MEMBER_VOTER -> member(c, in, idRef);
            case MEMBERS_COUNT -> count(c, in);
            case ALL_VOTERS -> allVoters(in);
            case TERM_EQUAL, TERM_RISEN -> term(c, earlier, later);
            case ENDPOINT_LEADER -> leader(c, in);
            case ENDPOINT_UNAVAILABLE -> Outcome.of(in.unavailable() != null, "the etcd endpoint does not answer",
                    in.unavailable() != null ? "unavailable: " + in.unavailable() : "it answered: " + answered(in));
            case ENDPOINT_HEALTHY -> healthy(in);
            default -> throw new IllegalArgumentException("not an etcd relation: " + c.relation());
        };
    }

    private static Outcome member(CheckSpec c, ObservationRecord in, ObservationRecord idRef) {
        String expected = expectedMember(c);
        if (in.unavailable() != null) {
            return Outcome.of(false, expected, "no member list in " + in.name() + ": " + in.unavailable());
        }
        Optional<EtcdMember> m = member(in, c.node());
        String seen = m.map(EtcdRelations::describe)
                .orElse(c.node() + " not a member (members: " + describe(in.members()) + ")");
        boolean holds = switch (c.relation()) {
            case MEMBER_ABSENT -> m.isEmpty();
            case MEMBER_LEARNER -> m.isPresent() && m.get().learner();
            case MEMBER_VOTER -> m.isPresent() && !m.get().learner() && m.get().status().equals("started");
            default -> m.isPresent();
        };
        if (!holds || idRef == null || m.isEmpty()) {
            return Outcome.of(holds, expected, seen);
        }
        Optional<EtcdMember> before = member(idRef, c.node());
        String beforeText = before.map(b -> "ID " + b.id() + " in " + idRef.name()).orElse("no member in " + idRef.name());
        boolean same = before.isPresent() && before.get().id().equals(m.get().id());
        return Outcome.of(c.idSameAs() != null ? same : !same, expected, seen + "; " + beforeText);
    }

    private static String expectedMember(CheckSpec c) {
        String what = switch (c.relation()) {
            case MEMBER_ABSENT -> " is not an etcd member";
            case MEMBER_LEARNER -> " is an etcd learner";
            case MEMBER_VOTER -> " is a started voting etcd member";
            default -> " is an etcd member";
        };
        String id = c.idSameAs() != null ? ", with the same ID as in " + c.idSameAs()
                : c.idNewAgainst() != null ? ", with an ID it did not have in " + c.idNewAgainst() : "";
        return c.node() + what + id;
    }

    private static Outcome count(CheckSpec c, ObservationRecord in) {
        String expected = c.is() + " etcd members";
        if (in.unavailable() != null) {
            return Outcome.of(false, expected, "no member list: " + in.unavailable());
        }
        return Outcome.of(in.members().size() == Integer.parseInt(c.is()), expected,
                in.members().size() + " members: " + describe(in.members()));
    }

    private static Outcome allVoters(ObservationRecord in) {
        String expected = "every member started and not a learner";
        if (in.unavailable() != null || in.members().isEmpty()) {
            return Outcome.of(false, expected, in.unavailable() != null ? "no member list: " + in.unavailable() : "no members");
        }
        boolean all = in.members().stream().allMatch(m -> !m.learner() && m.status().equals("started"));
        return Outcome.of(all, expected, describe(in.members()));
    }

    private static Outcome term(CheckSpec c, ObservationRecord a, ObservationRecord b) {
        boolean equal = c.relation() == Relation.TERM_EQUAL;
        String expected = "RAFT TERM in " + b.name() + (equal ? " equal to " : " higher than ") + "in " + a.name();
        Optional<EndpointStatus> sa = first(a);
        Optional<EndpointStatus> sb = first(b);
        if (sa.isEmpty() || sb.isEmpty()) {
            ObservationRecord gone = sa.isEmpty() ? a : b;
            return Outcome.of(false, expected, "no endpoint status in " + gone.name()
                    + (gone.unavailable() != null ? ": " + gone.unavailable() : ""));
        }
        long ta = sa.get().raftTerm();
        long tb = sb.get().raftTerm();
        return Outcome.of(equal ? ta == tb : tb > ta, expected,
                "RAFT TERM " + ta + " in " + a.name() + " (from " + a.from() + "), " + tb + " in " + b.name() + " (from " + b.from() + ")");
    }

    private static Outcome leader(CheckSpec c, ObservationRecord in) {
        boolean wanted = Boolean.parseBoolean(c.is());
        String expected = "the endpoint on " + in.from() + (wanted ? " leads" : " does not lead") + " the cluster";
        return first(in).map(s -> Outcome.of(s.leader() == wanted, expected, "IS LEADER " + s.leader() + " (ID " + s.id() + ")"))
                .orElseGet(() -> Outcome.of(false, expected, "no endpoint status" + (in.unavailable() != null ? ": " + in.unavailable() : "")));
    }

    private static Outcome healthy(ObservationRecord in) {
        String expected = "every endpoint healthy";
        if (in.unavailable() != null || in.health() == null || in.health().isEmpty()) {
            return Outcome.of(false, expected, in.unavailable() != null ? "unavailable: " + in.unavailable() : "no endpoint answered");
        }
        boolean all = in.health().stream().allMatch(EndpointHealth::healthy);
        return Outcome.of(all, expected, in.health().stream()
                .map(h -> h.endpoint() + " health " + h.healthy() + (h.error().isEmpty() ? "" : " (" + h.error() + ")")).toList().toString());
    }

    private static String answered(ObservationRecord in) {
        if (in.status() != null && !in.status().isEmpty()) {
            return "RAFT TERM " + in.status().get(0).raftTerm();
        }
        return in.health() == null ? "?" : in.health().toString();
    }

    static Optional<EtcdMember> member(ObservationRecord o, String node) {
        return o.members() == null ? Optional.empty() : o.members().stream().filter(m -> m.nodeName().equals(node)).findFirst();
    }

    static Optional<EndpointStatus> first(ObservationRecord o) {
        return o.status() == null || o.status().isEmpty() ? Optional.empty() : Optional.of(o.status().get(0));
    }

    private static String describe(List<EtcdMember> members) {
        return members == null ? "[]" : members.stream().map(EtcdMember::name).toList().toString();
    }

    private static String describe(EtcdMember m) {
        return "member " + m.name() + " ID " + m.id() + " STATUS " + m.status() + " IS LEARNER " + m.learner();
    }
}
