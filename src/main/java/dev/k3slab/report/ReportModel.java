package dev.k3slab.report;

import dev.k3slab.record.RunRecord;
import java.util.List;

/**
 * Everything the templates show, computed from a run record: the templates only lay it out.
 *
 * @param summary       provider, K3s version, verdicts, times
 * @param comparison    the 4a/4b/4c rows and the Part 1 reference row
 * @param bootMatrix    join flags x etcd data present/absent
 * @param memberRemoval the 5a/5b/5c rows
 * @param joinFlags     the join flags in each server's unit after each experiment that read them
 * @param timelines     the monitor's samples as SVG, one per monitoring node; empty when there were none
 * @param experiments   every experiment's steps, checks, observations and transcripts
 */
public record ReportModel(Summary summary, List<ComparisonRow> comparison, BootMatrix bootMatrix,
                          List<MemberRemovalRow> memberRemoval, JoinFlagTable joinFlags, List<Timeline> timelines,
                          List<ExperimentView> experiments) {

    /** Builds the model; the record should already be masked. */
    public static ReportModel of(RunRecord run) {
        return new ReportModel(Summary.of(run), ComparisonRow.rows(run), BootMatrix.of(run),
                MemberRemovalRow.rows(run), JoinFlagTable.of(run), TimelineSvg.draw(run),
                run.experiments().stream().map(ExperimentView::of).toList());
    }
}
