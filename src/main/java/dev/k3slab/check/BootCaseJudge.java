package dev.k3slab.check;

import dev.k3slab.observe.DbLayout;
import dev.k3slab.observe.EtcdMember;
import dev.k3slab.record.BootCaseRecord;
import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.ObservationRecord;
import dev.k3slab.record.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Derives what a server did at start from observations (never from what the scenario expects):
 * a SQLite layout and only itself visible is a new SQLite cluster; a migrated layout is the first
 * node of a new etcd cluster; a voting member with the ID it had before rejoined, with a new ID (or
 * none before) it joined.
 */
public final class BootCaseJudge {

    private BootCaseJudge() {
    }

    /** The matrix cell, and the check of the expected outcome when the scenario names one (else null). */
    public record Judgement(BootCaseRecord row, CheckRecord check) {
    }

    public static Judgement judge(BootCaseSpec s, Observations observations, String experiment) {
        Lookup found = Lookup.of(s.references(), observations);
        String problem = found.problem();
        BootOutcome outcome = problem == null ? derive(s, found) : BootOutcome.UNCLASSIFIED;
        String words = problem == null ? outcome.words() : "unknown: " + problem;
        BootCaseRecord row = new BootCaseRecord(s.command().word(), s.etcdData(), s.node(), words, experiment);
        if (s.expected() == null) {
            return new Judgement(row, null);
        }
        String expected = s.node() + " " + s.expected().words();
        Outcome o = problem != null ? Outcome.unknown(expected, problem) : Outcome.of(outcome == s.expected(), expected, s.node() + " " + words);
        String relation = "boot-case " + s.command().word() + " with etcd data " + (s.etcdData() ? "present" : "absent");
        String evidence = o.verdict() == Verdict.PASS ? "" : CheckEvaluator.Evidence.of(s.name(), relation, o, found.used());
        return new Judgement(row, new CheckRecord(s.name(), relation, o.expected(), o.observed(), o.verdict(), null, evidence));
    }

    private static BootOutcome derive(BootCaseSpec s, Lookup found) {
        ObservationRecord inside = found.record(s.inside());
        ObservationRecord layout = found.record(s.layout());
        ObservationRecord members = found.record(s.members());
        ObservationRecord before = found.record(s.membersBefore());
        if (inside.unavailable() != null) {
            return BootOutcome.NOT_SERVING;
        }
        DbLayout db = layout == null ? null : layout.layout();
        if (db == DbLayout.SQLITE && NodeRelations.names(inside).equals(List.of(s.node()))) {
            return BootOutcome.NEW_SQLITE_CLUSTER;
        }
        if (db == DbLayout.MIGRATED) {
            return BootOutcome.NEW_ETCD_CLUSTER;
        }
        Optional<EtcdMember> now = members == null ? Optional.empty() : EtcdRelations.member(members, s.node());
        if (now.isEmpty() || now.get().learner() || before == null) {
            return BootOutcome.UNCLASSIFIED;
        }
        Optional<EtcdMember> then = EtcdRelations.member(before, s.node());
        return then.isPresent() && then.get().id().equals(now.get().id()) ? BootOutcome.REJOINED : BootOutcome.JOINED;
    }
}
