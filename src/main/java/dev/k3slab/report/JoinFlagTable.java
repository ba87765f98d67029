package dev.k3slab.report;

import dev.k3slab.observe.JoinFlags;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.ObservationRecord;
import dev.k3slab.record.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The join flags in each server's unit after each experiment that read the units ({@code unit}
 * observations made on the node itself), beside what the source shows after 2, 3a and 3b.
 *
 * @param columns the experiments that read units, in run order
 * @param rows    one row per node whose unit was read
 */
public record JoinFlagTable(List<Column> columns, List<Row> rows) {

    /** A column: the state after this experiment. */
    public record Column(String experiment, String anchor) {
    }

    public record Row(String node, List<Cell> cells) {
    }

    /**
     * One node after one experiment.
     *
     * @param flags      the join flags in words, or {@code not observed in <id>}
     * @param execStart  the unit's ExecStart as observed, or empty
     * @param sourceSays the source's flags for this node after this experiment, or null
     * @param agrees     whether the join URL and --cluster-init agree with the source; null when nothing to compare
     */
    public record Cell(String flags, String execStart, String sourceSays, Boolean agrees) {
    }

    static JoinFlagTable of(RunRecord run) {
        Map<String, Map<String, ObservationRecord>> byExperiment = new LinkedHashMap<>();
        Set<String> nodes = new LinkedHashSet<>(ComparisonRow.nodeNames(run));
        Set<String> unitNodes = new LinkedHashSet<>();
        for (ExperimentRecord e : run.experiments()) {
            Map<String, ObservationRecord> last = new LinkedHashMap<>();
            for (ObservationRecord o : e.observations()) {
                if ("unit".equals(o.kind()) && o.from() != null) {
                    last.put(o.from(), o);
                    unitNodes.add(o.from());
                }
            }
            if (!last.isEmpty()) {
                byExperiment.put(e.id(), last);
            }
        }
        nodes.retainAll(unitNodes);
        nodes.addAll(unitNodes);
        List<Row> rows = new ArrayList<>();
        for (String node : nodes) {
            List<Cell> cells = new ArrayList<>();
            byExperiment.forEach((experiment, units) -> cells.add(cell(experiment, node, units.get(node))));
            rows.add(new Row(node, cells));
        }
        List<Column> columns = byExperiment.keySet().stream()
                .map(id -> new Column(id, Formats.experimentAnchor(id))).toList();
        return new JoinFlagTable(columns, rows);
    }

    private static Cell cell(String experiment, String node, ObservationRecord o) {
        var source = SourceTables.unit(experiment, node);
        String sourceSays = source.map(SourceTables.UnitFlags::describe).orElse(null);
        if (o == null) {
            return new Cell("not observed in " + experiment, "", sourceSays, null);
        }
        String execStart = o.execStart() == null ? "" : String.join(" ", o.execStart());
        if (o.unavailable() != null) {
            return new Cell("unavailable: " + o.unavailable(), execStart, sourceSays, null);
        }
        if (o.joinFlags() == null) {
            return new Cell("join flags not read", execStart, sourceSays, null);
        }
        JoinFlags f = o.joinFlags();
        Boolean agrees = source.map(s -> f.clusterInit() == s.clusterInit() && !f.clusterReset()
                && (s.server() == null ? f.server().isEmpty() : f.server().filter(s.server()::equals).isPresent()))
                .orElse(null);
        return new Cell(describe(f), execStart, sourceSays, agrees);
    }

    /** {@code --server https://...:6443 (token set)}, {@code --cluster-init}, {@code no join flags}. */
    static String describe(JoinFlags f) {
        List<String> parts = new ArrayList<>();
        f.server().ifPresent(url -> parts.add("--server " + url));
        if (f.clusterInit()) {
            parts.add("--cluster-init");
        }
        if (f.clusterReset()) {
            parts.add("--cluster-reset");
        }
        String flags = parts.isEmpty() ? "no join flags" : String.join(" ", parts);
        return f.token() ? flags + " (token set)" : flags;
    }
}
