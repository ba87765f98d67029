package dev.k3slab.report;

import dev.k3slab.record.RunRecord;
import dev.k3slab.record.Verdict;
import java.util.List;

/**
 * The head of the report: what ran, where, on which provider, and how it went.
 *
 * @param emulatedBanner the banner an emulated run carries, or null for real VMs
 * @param took           wall-clock time of the whole run
 * @param labTook        the experiments' time on the lab clock, summed
 */
public record Summary(String runId, String provider, String providerDescription, boolean emulated,
                      String emulatedBanner, String k3sVersion, List<String> nodes, String started, String took,
                      String labTook, Verdict verdict, List<String> notes) {

    static final String EMULATED_BANNER = "Emulated lab — an in-process model of K3s v1.27.9, not real VMs; "
            + "durations on the lab clock are emulated";

    static Summary of(RunRecord run) {
        long lab = run.experiments().stream().mapToLong(e -> e.labMillis()).sum();
        return new Summary(Formats.orDash(run.runId()), Formats.orDash(run.provider()),
                Formats.orDash(run.providerDescription()), run.emulated(), run.emulated() ? EMULATED_BANNER : null,
                Formats.orDash(run.k3sVersion()), run.nodes(), Formats.instant(run.started()),
                Formats.duration(run.tookMillis()), Formats.duration(lab),
                run.verdict() == null ? Verdict.UNKNOWN : run.verdict(), run.notes());
    }
}
