package dev.k3slab.check;

import dev.k3slab.observe.NodeRow;
import dev.k3slab.record.ObservationRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Relations over {@code kubectl get nodes} observations: STATUS, ROLES, AGE and which nodes are visible. */
final class NodeRelations {

    private NodeRelations() {
    }

    static Outcome evaluate(CheckSpec c, ObservationRecord in, ObservationRecord earlier, ObservationRecord later) {
        return switch (c.relation()) {
            case STATUS_IS -> status(c, in);
            case ROLES_IS -> roles(c, in);
            case NODE_PRESENT, NODE_ABSENT -> presence(c, in);
            case NODES_VISIBLE -> visible(c, in);
            case ALL_READY -> allReady(in);
            case APISERVER_REFUSED -> Outcome.of(in.unavailable() != null, "the apiserver refuses the connection",
                    in.unavailable() != null ? "unavailable: " + in.unavailable() : "it answered: " + names(in));
            case ROLES_EQUAL -> rolesEqual(c, earlier, later);
            case AGE_KEPT, AGE_NEW -> age(c, earlier, later);
            case NODES_EQUAL, NODES_DIFFERENT -> equal(c, earlier, later);
            default -> throw new IllegalArgumentException("not a node relation: " + c.relation());
        };
    }

    private static Outcome status(CheckSpec c, ObservationRecord in) {
        String expected = c.node() + " STATUS " + c.is();
        return row(in, c.node())
                .map(r -> Outcome.of(r.status().equals(c.is()) || (c.is().equals("Ready") && r.ready()),
                        expected, c.node() + " STATUS '" + r.status() + "'"))
                .orElseGet(() -> missing(expected, in, c.node()));
    }

    private static Outcome roles(CheckSpec c, ObservationRecord in) {
        String expected = c.node() + " ROLES " + c.is();
        return row(in, c.node())
                .map(r -> Outcome.of(r.rolesText().equals(c.is()), expected, c.node() + " ROLES '" + r.rolesText() + "'"))
                .orElseGet(() -> missing(expected, in, c.node()));
    }

    private static Outcome presence(CheckSpec c, ObservationRecord in) {
        boolean wanted = c.relation() == Relation.NODE_PRESENT;
        String expected = c.node() + (wanted ? " listed" : " not listed");
        if (in.unavailable() != null) {
            return Outcome.of(false, expected, "no node list: " + in.unavailable());
        }
        boolean present = row(in, c.node()).isPresent();
        return Outcome.of(present == wanted, expected, "nodes listed: " + names(in));
    }

    private static Outcome visible(CheckSpec c, ObservationRecord in) {
        String expected = "exactly " + new TreeSet<>(c.nodes());
        if (in.unavailable() != null) {
            return Outcome.of(false, expected, "no node list: " + in.unavailable());
        }
        return Outcome.of(new TreeSet<>(c.nodes()).equals(new TreeSet<>(names(in))), expected, "nodes listed: " + names(in));
    }

    private static Outcome allReady(ObservationRecord in) {
        String expected = "every node Ready";
        if (in.unavailable() != null || in.nodes().isEmpty()) {
            return Outcome.of(false, expected, in.unavailable() != null ? "no node list: " + in.unavailable() : "no nodes listed");
        }
        List<String> notReady = in.nodes().stream().filter(r -> !r.ready()).map(r -> r.name() + " " + r.status()).toList();
        return Outcome.of(notReady.isEmpty(), expected, notReady.isEmpty()
                ? in.nodes().size() + " nodes, all Ready" : "not Ready: " + notReady);
    }

    private static Outcome rolesEqual(CheckSpec c, ObservationRecord a, ObservationRecord b) {
        String expected = c.node() + " has the same ROLES in " + a.name() + " and " + b.name();
        Optional<NodeRow> ra = row(a, c.node());
        Optional<NodeRow> rb = row(b, c.node());
        if (ra.isEmpty() || rb.isEmpty()) {
            return missing(expected, ra.isEmpty() ? a : b, c.node());
        }
        return Outcome.of(ra.get().rolesText().equals(rb.get().rolesText()), expected,
                a.name() + ": '" + ra.get().rolesText() + "', " + b.name() + ": '" + rb.get().rolesText() + "'");
    }

    private static Outcome age(CheckSpec c, ObservationRecord a, ObservationRecord b) {
        boolean kept = c.relation() == Relation.AGE_KEPT;
        String expected = kept ? c.node() + " is the same Node object in " + a.name() + " and " + b.name() + " (AGE kept)"
                : c.node() + " in " + b.name() + " is a Node object created after the one in " + a.name() + " (AGE new)";
        Optional<NodeRow> rb = row(b, c.node());
        if (rb.isEmpty()) {
            return missing(expected, b, c.node());
        }
        Optional<AgeWindow> wb = AgeWindow.of(rb.get(), b.at());
        if (wb.isEmpty()) {
            return Outcome.unknown(expected, "AGE '" + rb.get().age() + "' in " + b.name() + " tells no creation time");
        }
        Optional<NodeRow> ra = row(a, c.node());
        if (ra.isEmpty()) {
            if (kept) {
                return missing(expected, a, c.node());
            }
            return Outcome.of(wb.get().createdAfter(a.at()), expected, c.node() + " not in " + a.name()
                    + "; AGE '" + rb.get().age() + "' in " + b.name() + ageAt(b));
        }
        Optional<AgeWindow> wa = AgeWindow.of(ra.get(), a.at());
        if (wa.isEmpty()) {
            return Outcome.unknown(expected, "AGE '" + ra.get().age() + "' in " + a.name() + " tells no creation time");
        }
        boolean holds = kept ? wb.get().sameObjectAs(wa.get()) : wb.get().youngerThan(wa.get());
        return Outcome.of(holds, expected, "AGE '" + ra.get().age() + "' in " + a.name() + ageAt(a)
                + ", AGE '" + rb.get().age() + "' in " + b.name() + ageAt(b));
    }

    private static String ageAt(ObservationRecord o) {
        return " (read at " + o.at() + ")";
    }

    private static Outcome equal(CheckSpec c, ObservationRecord a, ObservationRecord b) {
        boolean wantEqual = c.relation() == Relation.NODES_EQUAL;
        String expected = a.name() + " and " + b.name() + (wantEqual ? " list the same nodes (names, ROLES, AGE)"
                : " list different nodes (names, ROLES or AGE)");
        List<String> differences = differences(a, b);
        return Outcome.of(differences.isEmpty() == wantEqual, expected,
                differences.isEmpty() ? "the same: " + names(a) : String.join("; ", differences));
    }

    /** How two node lists differ: names, ROLES, or Node objects (AGE); empty when they agree. */
    static List<String> differences(ObservationRecord a, ObservationRecord b) {
        List<String> out = new ArrayList<>();
        if (a.unavailable() != null || b.unavailable() != null) {
            out.add(a.unavailable() != null ? a.name() + " unavailable: " + a.unavailable() : b.name() + " unavailable: " + b.unavailable());
            return out;
        }
        if (!new TreeSet<>(names(a)).equals(new TreeSet<>(names(b)))) {
            out.add("names " + names(a) + " against " + names(b));
            return out;
        }
        for (NodeRow ra : a.nodes()) {
            NodeRow rb = row(b, ra.name()).orElseThrow();
            if (!ra.rolesText().equals(rb.rolesText())) {
                out.add(ra.name() + " ROLES '" + ra.rolesText() + "' against '" + rb.rolesText() + "'");
            }
            Optional<AgeWindow> wa = AgeWindow.of(ra, a.at());
            Optional<AgeWindow> wb = AgeWindow.of(rb, b.at());
            if (wa.isPresent() && wb.isPresent() && !wa.get().sameObjectAs(wb.get())) {
                out.add(ra.name() + " AGE '" + ra.age() + "' against '" + rb.age() + "' (another Node object)");
            }
        }
        return out;
    }

    static Optional<NodeRow> row(ObservationRecord o, String node) {
        return o.nodes() == null ? Optional.empty() : o.nodes().stream().filter(r -> r.name().equals(node)).findFirst();
    }

    static List<String> names(ObservationRecord o) {
        return o.nodes() == null ? List.of() : o.nodes().stream().map(NodeRow::name).sorted().collect(Collectors.toList());
    }

    private static Outcome missing(String expected, ObservationRecord o, String node) {
        if (o.unavailable() != null) {
            return Outcome.of(false, expected, "no node list in " + o.name() + ": " + o.unavailable());
        }
        return Outcome.of(false, expected, node + " is not listed in " + o.name() + " (listed: " + names(o) + ")");
    }
}
