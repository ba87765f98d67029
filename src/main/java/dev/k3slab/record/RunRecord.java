package dev.k3slab.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole run: written as {@code report.json}, rendered into {@code report.html} and
 * {@code report.md}, and read back by {@code ./lab report}. Secrets are masked before a record is built.
 *
 * @param runId               e.g. {@code 20261204-153000-emulated}
 * @param provider            {@code emulated} or {@code vagrant}
 * @param providerDescription one sentence that says what the provider is (an emulation says so)
 * @param emulated            true when durations on the lab clock are emulated
 * @param k3sVersion          e.g. {@code v1.27.9+k3s1}
 * @param nodes               the topology's nodes as {@code name ip role}
 * @param started             wall-clock start
 * @param tookMillis          wall-clock duration
 * @param verdict             over all experiments
 * @param experiments         in the order they ran
 * @param timeline            monitor samples
 * @param notes               what the reader must know (e.g. "started from checkpoint 4a")
 */
public record RunRecord(String runId, String provider, String providerDescription, boolean emulated,
                        String k3sVersion, List<String> nodes, Instant started, long tookMillis, Verdict verdict,
                        List<ExperimentRecord> experiments, List<MonitorSample> timeline, List<String> notes) {
    public RunRecord {
        nodes = List.copyOf(nodes);
        experiments = List.copyOf(experiments);
        timeline = List.copyOf(timeline);
        notes = List.copyOf(notes);
    }

    /** The same run with {@code more} notes after its own (what a suite knows of the lab that the engine does not). */
    public RunRecord withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new RunRecord(runId, provider, providerDescription, emulated, k3sVersion, nodes, started, tookMillis,
                verdict, experiments, timeline, all);
    }
}
