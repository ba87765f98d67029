package dev.k3slab.report;

import dev.k3slab.record.BootCaseRecord;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boot matrix (join flags x etcd data present/absent), each cell filled from the boot cases this
 * run observed and set beside what the source says about it.
 *
 * @param rows the source's four commands in its order, then any other command a scenario declared
 */
public record BootMatrix(List<Row> rows) {

    /** One command, e.g. {@code k3s server --cluster-init}. */
    public record Row(String command, String label, Cell present, Cell absent) {
    }

    /**
     * One cell.
     *
     * @param cases       what this run observed there (empty: not observed by this run)
     * @param sourceSays  the source's claim, or null when the source has none
     * @param sourceBasis which source runs back that claim, or that it is words only
     */
    public record Cell(List<Case> cases, String sourceSays, String sourceBasis) {
        public Cell {
            cases = List.copyOf(cases);
        }
    }

    /** One observed boot: which experiment, which node, what it did. */
    public record Case(String experiment, String anchor, String node, String outcome) {
    }

    static BootMatrix of(RunRecord run) {
        Map<String, String> labels = new LinkedHashMap<>();
        SourceTables.BOOT_COMMANDS.forEach(e -> labels.put(e.getKey(), e.getValue()));
        for (ExperimentRecord e : run.experiments()) {
            for (BootCaseRecord b : e.bootCases()) {
                labels.putIfAbsent(b.command(), "k3s server (" + b.command() + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        labels.forEach((command, label) -> rows.add(new Row(command, label, cell(run, command, true), cell(run, command, false))));
        return new BootMatrix(rows);
    }

    private static Cell cell(RunRecord run, String command, boolean etcdDataPresent) {
        List<Case> cases = new ArrayList<>();
        for (ExperimentRecord e : run.experiments()) {
            for (BootCaseRecord b : e.bootCases()) {
                if (b.command().equals(command) && b.etcdDataPresent() == etcdDataPresent) {
                    // Linked to the experiment that holds the record: that section has the transcript.
                    cases.add(new Case(e.id(), Formats.experimentAnchor(e.id()), b.node(), Formats.orDash(b.outcome())));
                }
            }
        }
        var claim = SourceTables.boot(command, etcdDataPresent);
        return new Cell(cases, claim.map(SourceTables.BootClaim::says).orElse(null),
                claim.map(SourceTables.BootClaim::basis).orElse("not in the source's table"));
    }
}
