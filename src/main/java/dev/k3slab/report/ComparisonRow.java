package dev.k3slab.report;

import dev.k3slab.observe.DbLayout;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.SplitBrainRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One row of the 4a/4b/4c comparison: how the returning node looks from inside. Every field is
 * display text; {@code agrees} is null when there is nothing to compare with (no source row, or the
 * Part 1 reference row itself).
 *
 * @param condition  the experiment and its title, or the reference row's label
 * @param anchor     the experiment section's anchor, or null for the reference row
 * @param node       the returning node
 * @param roles      ROLES seen from itself
 * @param age        {@code kept (56m)}, {@code new (30s)}, or {@code not observed}
 * @param visible    {@code all 5}, {@code only cp-3}, or the list
 * @param datastore  the datastore its {@code server/db} shows
 * @param splitBrain {@code yes}, {@code no} or {@code unknown}
 * @param reason     the observed facts behind the verdict
 * @param reference  true for the Part 1 reference row
 * @param agrees     whether every relation agrees with the source's row
 * @param vsSource   the agreement in words (what differs)
 */
public record ComparisonRow(String condition, String anchor, String node, String roles, String age, String visible,
                            String datastore, String splitBrain, String reason, boolean reference, Boolean agrees,
                            String vsSource) {

    /** The rows of every experiment that declares a split-brain row, in run order, then the Part 1 reference row. */
    static List<ComparisonRow> rows(RunRecord run) {
        Set<String> all = nodeNames(run);
        List<ComparisonRow> rows = new ArrayList<>();
        for (ExperimentRecord e : run.experiments()) {
            if (e.splitBrain() != null) {
                rows.add(of(e, e.splitBrain(), all));
            }
        }
        rows.add(new ComparisonRow(SourceTables.PART1_CONDITION, null, SourceTables.PART1_NODE, SourceTables.PART1_ROLES,
                SourceTables.PART1_AGE, SourceTables.PART1_VISIBLE, SourceTables.PART1_DATASTORE,
                SourceTables.PART1_SPLIT_BRAIN, "the source's Part 1, seen in production; kept here as the reference",
                true, null, "reference row"));
        return rows;
    }

    private static ComparisonRow of(ExperimentRecord e, SplitBrainRecord r, Set<String> all) {
        String age = r.ageKept() == null ? "not observed" + paren(r.age()) : (r.ageKept() ? "kept" : "new") + paren(r.age());
        String split = r.splitBrain() == null ? "unknown" : r.splitBrain() ? "yes" : "no";
        Boolean agrees = null;
        String vsSource = "no source row for experiment " + e.id();
        var source = SourceTables.splitBrain(e.id());
        if (source.isPresent()) {
            List<String> differences = differences(r, source.get(), all);
            agrees = differences.isEmpty();
            vsSource = agrees ? "agrees with the source" : "differs from the source: " + String.join("; ", differences);
        }
        return new ComparisonRow(e.id() + ": " + e.title(), Formats.experimentAnchor(e.id()), r.node(),
                Formats.orDash(r.roles()), age, visible(r, all), datastore(r.datastore()), split,
                Formats.orDash(r.reason()), false, agrees, vsSource);
    }

    private static List<String> differences(SplitBrainRecord r, SourceTables.SplitBrainRow s, Set<String> all) {
        List<String> out = new ArrayList<>();
        if (!s.roles().equals(r.roles())) {
            out.add("ROLES " + Formats.orDash(r.roles()) + " (source: " + s.roles() + ")");
        }
        if (r.ageKept() == null || r.ageKept() != s.ageKept()) {
            out.add("AGE " + (r.ageKept() == null ? "not observed" : r.ageKept() ? "kept" : "new")
                    + " (source: " + (s.ageKept() ? "kept" : "new") + ")");
        }
        Set<String> seen = r.visibleNodes() == null ? Set.of() : new LinkedHashSet<>(r.visibleNodes());
        boolean visibleAsSource = s.visible() == SourceTables.Visibility.ALL
                ? !all.isEmpty() && seen.equals(all)
                : seen.equals(Set.of(r.node()));
        if (!visibleAsSource) {
            out.add("visible nodes " + visible(r, all) + " (source: "
                    + (s.visible() == SourceTables.Visibility.ALL ? "all nodes" : "only itself") + ")");
        }
        boolean etcd = r.datastore() == DbLayout.ETCD || r.datastore() == DbLayout.MIGRATED;
        boolean sqlite = r.datastore() == DbLayout.SQLITE;
        if (s.etcd() ? !etcd : !sqlite) {
            out.add("datastore " + datastore(r.datastore()) + " (source: " + (s.etcd() ? "etcd" : "SQLite") + ")");
        }
        if (r.splitBrain() == null || r.splitBrain() != s.splitBrain()) {
            out.add("split brain " + (r.splitBrain() == null ? "unknown" : r.splitBrain() ? "yes" : "no")
                    + " (source: " + (s.splitBrain() ? "yes" : "no") + ")");
        }
        return out;
    }

    private static String visible(SplitBrainRecord r, Set<String> all) {
        // The engine records an empty list when it could not judge (an unusable observation).
        if (r.visibleNodes() == null || r.visibleNodes().isEmpty() && r.splitBrain() == null) {
            return "not observed";
        }
        Set<String> seen = new LinkedHashSet<>(r.visibleNodes());
        if (!all.isEmpty() && seen.equals(all)) {
            return "all " + all.size() + " (" + String.join(", ", seen) + ")";
        }
        if (seen.equals(Set.of(r.node()))) {
            return "only " + r.node();
        }
        return seen.isEmpty() ? "none" : seen.size() + ": " + String.join(", ", seen);
    }

    static String datastore(DbLayout layout) {
        if (layout == null) {
            return "not observed";
        }
        return switch (layout) {
            case SQLITE -> "SQLite (kine)";
            case ETCD -> "etcd";
            case MIGRATED -> "etcd (migrated from SQLite)";
            case NONE -> "none (no datastore files)";
        };
    }

    /** The topology's node names; {@code RunRecord.nodes} holds {@code name ip role} lines. */
    static Set<String> nodeNames(RunRecord run) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : run.nodes()) {
            String name = line.strip().split("\\s+", 2)[0];
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String paren(String s) {
        return s == null || s.isBlank() ? "" : " (" + s + ")";
    }
}
