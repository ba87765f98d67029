package dev.k3slab.report;

import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.MonitorSample;
import dev.k3slab.record.ObservationRecord;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the 5a/5b/5c table (how etcd members are removed): the source's question and result,
 * and what this run's member and node lists did, rebuilt from its observations.
 *
 * @param experiment   5a, 5b or 5c
 * @param anchor       the experiment section's anchor
 * @param question     what the experiment asks
 * @param sourceResult the source's answer
 * @param observed     the member list at the start, each change, the member list at the end
 * @param verdict      the experiment's verdict over its checks
 * @param checks       each check as {@code PASS — name}
 * @param agrees       whether the observed changes answer the question as the source does; null when nothing was observed
 * @param vsSource     the agreement in words
 */
public record MemberRemovalRow(String experiment, String anchor, String question, String sourceResult,
                               List<String> observed, Verdict verdict, List<String> checks, Boolean agrees,
                               String vsSource) {

    /** Rows for the experiments of the source's table (5a, 5b, 5c) that ran, in run order. */
    static List<MemberRemovalRow> rows(RunRecord run) {
        MemberEvents tracker = new MemberEvents();
        Map<String, List<EtcdMember>> lastMembers = new HashMap<>();
        Map<String, List<NodeRow>> lastNodes = new HashMap<>();
        List<MemberRemovalRow> rows = new ArrayList<>();
        for (ExperimentRecord e : run.experiments()) {
            var question = SourceTables.members(e.id());
            if (question.isPresent()) {
                rows.add(row(e, question.get(), tracker, lastMembers, lastNodes, run.timeline()));
            }
            for (ObservationRecord o : e.observations()) {
                if (available(o, "members")) {
                    tracker.remember(o.members());
                    lastMembers.put(o.from(), o.members());
                } else if (available(o, "nodes")) {
                    lastNodes.put(o.from(), o.nodes());
                }
            }
        }
        return rows;
    }

    private static MemberRemovalRow row(ExperimentRecord e, SourceTables.MemberQuestion q, MemberEvents tracker,
                                        Map<String, List<EtcdMember>> lastMembers, Map<String, List<NodeRow>> lastNodes,
                                        List<MonitorSample> timeline) {
        List<String> checks = e.checks().stream().map(c -> c.verdict() + " — " + c.name()).toList();
        String from = e.observations().stream().filter(o -> available(o, "members")).map(ObservationRecord::from)
                .findFirst().orElse(null);
        if (from == null) {
            return new MemberRemovalRow(e.id(), Formats.experimentAnchor(e.id()), q.question(), q.sourceResult(),
                    List.of("no etcd member list observed in this experiment"), e.verdict(), checks, null,
                    "nothing observed to compare");
        }
        List<EtcdMember> members = lastMembers.get(from);
        List<NodeRow> nodes = lastNodes.get(from);
        String before = members == null ? null : MemberEvents.describe(members);
        List<MemberEvents.Event> events = new ArrayList<>();
        for (ObservationRecord o : e.observations()) {
            if (!from.equals(o.from())) {
                continue;
            }
            if (available(o, "members")) {
                if (members == null) {
                    tracker.remember(o.members());
                    before = MemberEvents.describe(o.members());
                } else {
                    events.addAll(tracker.members(members, o.members()));
                }
                members = o.members();
            } else if (available(o, "nodes")) {
                if (nodes != null) {
                    events.addAll(MemberEvents.nodes(nodes, o.nodes()));
                }
                nodes = o.nodes();
            }
        }
        List<String> observed = new ArrayList<>();
        if (events.isEmpty()) {
            observed.add("unchanged (seen from " + from + "): " + MemberEvents.describe(members));
        } else {
            observed.add("before (seen from " + from + "): " + before);
            events.forEach(ev -> observed.add(ev.text()));
            observed.add("after: " + MemberEvents.describe(members));
        }
        int monitorLearners = timeline.stream().filter(s -> e.id().equals(s.experiment()))
                .map(MonitorSample::learners).filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0);
        if (monitorLearners > 0) {
            observed.add("the monitor saw " + monitorLearners + " learner" + (monitorLearners == 1 ? "" : "s"));
        }
        List<String> differences = differences(e.id(), events, members, monitorLearners);
        return new MemberRemovalRow(e.id(), Formats.experimentAnchor(e.id()), q.question(), q.sourceResult(), observed,
                e.verdict(), checks, differences.isEmpty(),
                differences.isEmpty() ? "agrees with the source" : "differs from the source: " + String.join("; ", differences));
    }

    private static List<String> differences(String experiment, List<MemberEvents.Event> events, List<EtcdMember> end,
                                            int monitorLearners) {
        boolean removed = events.stream().anyMatch(ev -> ev.type() == MemberEvents.Type.REMOVED);
        List<String> out = new ArrayList<>();
        switch (experiment) {
            case "5a" -> {
                if (removed) {
                    out.add("a member was removed");
                }
            }
            case "5b" -> {
                if (!removed) {
                    out.add("no member was removed");
                }
            }
            default -> {
                if (events.stream().noneMatch(ev -> ev.type() == MemberEvents.Type.ADDED_LEARNER) && monitorLearners == 0) {
                    out.add("no learner was seen");
                }
                if (events.stream().noneMatch(ev -> ev.previousId() != null)) {
                    out.add("no member came back under a new ID");
                }
                if (end.stream().anyMatch(EtcdMember::learner)) {
                    out.add("a learner was never promoted");
                }
            }
        }
        return out;
    }

    private static boolean available(ObservationRecord o, String kind) {
        if (!kind.equals(o.kind()) || o.unavailable() != null || o.from() == null) {
            return false;
        }
        return kind.equals("members") ? o.members() != null : o.nodes() != null;
    }
}
