package dev.k3slab.report;

import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.CommandRecord;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.StepRecord;
import dev.k3slab.record.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One experiment's section: its steps with their times and transcripts (grouped per node), its checks
 * (expected, observed, the K3s model's prediction) and its observations.
 */
public record ExperimentView(String id, String anchor, String title, String file, Verdict verdict, String took,
                             String labTook, String restoredFrom, long checksPassed, int checksTotal,
                             List<Step> steps, List<CheckRecord> checks, List<ObservationView> observations,
                             List<String> evidence) {

    /** One step; {@code transcripts} holds its commands per node, in the order the nodes first ran one. */
    public record Step(int number, String anchor, String name, String kind, String node, String labAt, String labTook,
                       String took, Verdict outcome, String message, int commandCount, List<NodeTranscript> transcripts) {
    }

    public record NodeTranscript(String node, List<Command> commands) {
    }

    /** One command: the line, its exit status in words, its output, its wall-clock duration. */
    public record Command(String command, String status, String stdout, String stderr, String took) {
    }

    static ExperimentView of(ExperimentRecord e) {
        String anchor = Formats.experimentAnchor(e.id());
        List<Step> steps = e.steps().stream().map(s -> step(anchor, s)).toList();
        long passed = e.checks().stream().filter(c -> c.verdict() == Verdict.PASS).count();
        List<ObservationView> observations = e.observations().stream().map(ObservationView::of).toList();
        return new ExperimentView(e.id(), anchor, Formats.orDash(e.title()), Formats.orDash(e.file()), e.verdict(),
                Formats.duration(e.tookMillis()), Formats.duration(e.labMillis()), e.restoredFromCheckpoint(), passed,
                e.checks().size(), steps, e.checks(), observations, e.evidence());
    }

    private static Step step(String experimentAnchor, StepRecord s) {
        Map<String, List<Command>> byNode = new LinkedHashMap<>();
        for (CommandRecord c : s.commands()) {
            String status = c.exitStatus() == null ? "no exit status received" : "exit " + c.exitStatus();
            byNode.computeIfAbsent(Formats.orDash(c.node()), n -> new ArrayList<>())
                    .add(new Command(c.command(), status, nullToEmpty(c.stdout()), nullToEmpty(c.stderr()),
                            Formats.duration(c.tookMillis())));
        }
        List<NodeTranscript> transcripts = new ArrayList<>();
        byNode.forEach((node, commands) -> transcripts.add(new NodeTranscript(node, commands)));
        return new Step(s.index() + 1, experimentAnchor + "-step-" + (s.index() + 1), Formats.orDash(s.name()),
                Formats.orDash(s.kind()), Formats.orDash(s.node()), Formats.instant(s.labStarted()),
                Formats.duration(s.labMillis()), Formats.duration(s.tookMillis()), s.outcome(),
                nullToEmpty(s.message()), s.commands().size(), transcripts);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
