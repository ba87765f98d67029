package dev.k3slab.observe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.k3slab.observe.JsonInput.BadField;
import dev.k3slab.observe.JsonInput.Doc;
import dev.k3slab.observe.JsonInput.Element;
import dev.k3slab.observe.Lines.Line;
import java.util.ArrayList;
import java.util.List;

/** {@code etcdctl member list}: {@code -w table}, the default simple form and {@code -w json} (reference §8). */
final class EtcdMembers {
    static final String TABLE = "etcdctl member list -w table";
    static final String SIMPLE = "etcdctl member list (simple: ID, STATUS, NAME, PEER ADDRS, CLIENT ADDRS, IS LEARNER)";
    static final String JSON = "etcdctl member list -w json";
    private static final List<String> COLUMNS = List.of("ID", "STATUS", "NAME", "PEER ADDRS", "CLIENT ADDRS", "IS LEARNER");

    private EtcdMembers() {
    }

    static List<EtcdMember> parse(String text) {
        List<Line> lines = Etcdctl.withoutClientLogs(Lines.of(text));
        if (lines.isEmpty()) {
            throw Lines.empty(TABLE);
        }
        if (JsonInput.looksLikeJson(lines.get(0).text())) {
            return fromJson(JsonInput.read(Lines.textOf(lines), JSON, "members"));
        }
        Etcdctl.rejectError(lines, TABLE);
        if (BorderedTable.isBorder(lines.get(0).text())) {
            List<EtcdMember> members = new ArrayList<>();
            for (BorderedTable.Row r : BorderedTable.read(lines, TABLE, COLUMNS)) {
                members.add(member(r.line(), TABLE, r.get("ID"), r.get("STATUS"), r.get("NAME"),
                        r.get("PEER ADDRS"), r.get("CLIENT ADDRS"), r.get("IS LEARNER")));
            }
            return members;
        }
        List<EtcdMember> members = new ArrayList<>();
        for (Line l : lines) {
            String[] f = l.text().strip().split(", ", -1);
            if (f.length != COLUMNS.size()) {
                throw Lines.at(SIMPLE, l, "expected 6 fields separated by ', ', found " + f.length);
            }
            members.add(member(l, SIMPLE, f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        return members;
    }

    private static EtcdMember member(Line line, String format, String id, String status, String name,
                                     String peers, String clients, String learner) {
        String hex = Etcdctl.hexId(id);
        if (hex == null) {
            throw Lines.at(format, line, "ID '" + id + "' is not a member ID in lower-case hex");
        }
        if (!status.equals("started") && !status.equals("unstarted")) {
            throw Lines.at(format, line, "STATUS '" + status + "' is neither started nor unstarted");
        }
        if (!Etcdctl.isBoolean(learner)) {
            throw Lines.at(format, line, "IS LEARNER '" + learner + "' is neither true nor false");
        }
        if (peers.isEmpty()) {
            throw Lines.at(format, line, "PEER ADDRS is empty; every member has a peer URL");
        }
        return new EtcdMember(hex, status, name, Etcdctl.urls(peers), Etcdctl.urls(clients), learner.equals("true"));
    }

    private static List<EtcdMember> fromJson(Doc doc) {
        if (!doc.hasArray()) {
            throw doc.error("expected {\"header\":{...},\"members\":[...]} (etcdctl member list -w json)");
        }
        List<EtcdMember> members = new ArrayList<>();
        for (Element e : doc.elements()) {
            try {
                members.add(fromJson(e.node()));
            } catch (BadField bad) {
                throw doc.error(e, "members", bad.getMessage());
            }
        }
        return members;
    }

    // Go omitempty: name and clientURLs are absent for an unstarted learner, isLearner when false.
    private static EtcdMember fromJson(JsonNode m) {
        if (!m.isObject()) {
            throw new BadField("expected a member object, found " + JsonInput.shown(m));
        }
        long id = JsonInput.unsigned(m.get("ID"));
        String name = JsonInput.text(m, "name");
        List<String> peers = JsonInput.strings(m, "peerURLs");
        if (peers.isEmpty()) {
            throw new BadField("peerURLs is missing; every member has a peer URL");
        }
        // etcdctl --hex spells the client field clientURLS.
        List<String> clients = m.has("clientURLs") ? JsonInput.strings(m, "clientURLs") : JsonInput.strings(m, "clientURLS");
        name = name == null ? "" : name;
        return new EtcdMember(Long.toHexString(id), name.isEmpty() ? "unstarted" : "started", name, peers, clients,
                JsonInput.flag(m, "isLearner"));
    }
}
