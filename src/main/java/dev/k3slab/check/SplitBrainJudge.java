package dev.k3slab.check;

import dev.k3slab.observe.NodeRow;
import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.ObservationRecord;
import dev.k3slab.record.SplitBrainRecord;
import dev.k3slab.record.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Decides split brain from two viewpoints: the returning node and a node of the original cluster
 * see one cluster when they list the same nodes with the same ROLES and the same Node objects
 * (AGE kept); anything else is two clusters at once. A returning node whose apiserver refuses
 * shows no second cluster. Fills the comparison row of the report (ROLES, AGE kept or new, nodes
 * visible, datastore, split brain).
 */
public final class SplitBrainJudge {

    private SplitBrainJudge() {
    }

    /** The row and the verdict's check record. */
    public record Judgement(SplitBrainRecord row, CheckRecord check) {
    }

    public static Judgement judge(SplitBrainSpec s, Observations observations) {
        String relation = "split-brain " + s.node() + " between " + s.inside() + " and " + s.outside();
        String expected = s.expected() ? s.node() + " and " + s.outside() + "'s viewpoint see different clusters (split brain)"
                : s.node() + " and " + s.outside() + "'s viewpoint see one cluster (no split brain)";
        Lookup found = Lookup.of(s.references(), observations);
        if (found.problem() != null) {
            Outcome unknown = Outcome.unknown(expected, found.problem());
            return new Judgement(new SplitBrainRecord(s.node(), null, null, null, List.of(), null, null, found.problem()),
                    check(s, relation, unknown, found.used()));
        }
        ObservationRecord inside = found.record(s.inside());
        ObservationRecord outside = found.record(s.outside());
        ObservationRecord before = found.record(s.before());
        ObservationRecord layout = found.record(s.layout());

        List<String> differences = inside.unavailable() != null ? List.of() : NodeRelations.differences(inside, outside);
        boolean split = !differences.isEmpty();
        String reason = inside.unavailable() != null ? s.node() + " serves no cluster: " + inside.unavailable()
                : split ? String.join("; ", differences) : "the same nodes, ROLES and Node objects from both viewpoints";
        Optional<NodeRow> self = NodeRelations.row(inside, s.node());
        SplitBrainRecord row = new SplitBrainRecord(s.node(), self.map(NodeRow::rolesText).orElse(null),
                self.map(NodeRow::age).orElse(null), ageKept(s.node(), self, inside, before != null ? before : outside),
                NodeRelations.names(inside), layout == null ? null : layout.layout(), split, reason);
        Outcome outcome = Outcome.of(split == s.expected(), expected, (split ? "split brain: " : "one cluster: ") + reason);
        return new Judgement(row, check(s, relation, outcome, found.used()));
    }

    private static Boolean ageKept(String node, Optional<NodeRow> self, ObservationRecord inside, ObservationRecord reference) {
        Optional<NodeRow> ref = NodeRelations.row(reference, node);
        if (self.isEmpty() || ref.isEmpty()) {
            return self.isPresent() ? Boolean.FALSE : null;
        }
        Optional<AgeWindow> a = AgeWindow.of(ref.get(), reference.at());
        Optional<AgeWindow> b = AgeWindow.of(self.get(), inside.at());
        return a.isPresent() && b.isPresent() ? b.get().sameObjectAs(a.get()) : null;
    }

    private static CheckRecord check(SplitBrainSpec s, String relation, Outcome o, List<Observed> used) {
        String evidence = o.verdict() == Verdict.PASS ? "" : CheckEvaluator.Evidence.of(s.name(), relation, o, used);
        return new CheckRecord(s.name(), relation, o.expected(), o.observed(), o.verdict(), s.prediction(), evidence);
    }
}
