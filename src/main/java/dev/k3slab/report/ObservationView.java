package dev.k3slab.report;

import dev.k3slab.observe.EndpointHealth;
import dev.k3slab.observe.EndpointStatus;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.record.ObservationRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * One observation in a line per fact, for the experiment's section.
 *
 * @param lines what was seen; for a probe that got nothing, why
 */
public record ObservationView(String name, String kind, String from, String at, List<String> lines) {

    static ObservationView of(ObservationRecord o) {
        return new ObservationView(Formats.orDash(o.name()), Formats.orDash(o.kind()), Formats.orDash(o.from()),
                Formats.instant(o.at()), lines(o));
    }

    private static List<String> lines(ObservationRecord o) {
        List<String> lines = new ArrayList<>();
        if (o.unavailable() != null) {
            lines.add("unavailable: " + o.unavailable());
        }
        if (o.nodes() != null) {
            for (NodeRow n : o.nodes()) {
                lines.add(n.name() + " " + n.status() + " " + n.rolesText() + " AGE " + n.age());
            }
        }
        if (o.members() != null) {
            lines.add(MemberEvents.describe(o.members()));
        }
        if (o.status() != null) {
            for (EndpointStatus s : o.status()) {
                lines.add(s.endpoint() + " ID " + s.id() + " RAFT TERM " + s.raftTerm() + (s.leader() ? " leader" : "")
                        + (s.learner() ? " learner" : "") + (s.errors().isEmpty() ? "" : " errors: " + s.errors()));
            }
        }
        if (o.health() != null) {
            for (EndpointHealth h : o.health()) {
                lines.add(h.endpoint() + (h.healthy() ? " healthy" : " unhealthy")
                        + (h.error() == null || h.error().isEmpty() ? "" : ": " + h.error()));
            }
        }
        if (o.layout() != null) {
            lines.add("datastore " + ComparisonRow.datastore(o.layout()));
        }
        if (o.dbFiles() != null) {
            lines.add("files: " + (o.dbFiles().isEmpty() ? "none" : String.join(", ", o.dbFiles())));
        }
        if (o.joinFlags() != null) {
            lines.add("join flags: " + JoinFlagTable.describe(o.joinFlags()));
        }
        if (o.execStart() != null) {
            lines.add("ExecStart: " + String.join(" ", o.execStart()));
        }
        return lines;
    }
}
