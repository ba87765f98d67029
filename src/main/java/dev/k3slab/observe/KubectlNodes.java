package dev.k3slab.observe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.k3slab.observe.JsonInput.BadField;
import dev.k3slab.observe.JsonInput.Doc;
import dev.k3slab.observe.JsonInput.Element;
import dev.k3slab.observe.Lines.Line;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** {@code kubectl get nodes}: the plain table, {@code -o wide} and {@code -o json} (reference §5, §8). */
final class KubectlNodes {
    static final String PLAIN = "kubectl get nodes";
    static final String WIDE = "kubectl get nodes -o wide";
    static final String JSON = "kubectl get nodes -o json";

    private static final List<String> PLAIN_COLUMNS = List.of("NAME", "STATUS", "ROLES", "AGE", "VERSION");
    private static final List<String> WIDE_COLUMNS = List.of("INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE",
            "KERNEL-VERSION", "CONTAINER-RUNTIME");
    private static final Pattern STATUS = Pattern.compile("(?:Ready|NotReady|Unknown)(?:,SchedulingDisabled)?");
    private static final Pattern ROLES = Pattern.compile("[^,\\s<>]+(?:,[^,\\s<>]+)*");
    private static final Pattern REFUSED = Pattern.compile(
            "The connection to the server \\S+ was refused - did you specify the right host or port\\?");
    private static final String ROLE_LABEL = "node-role.kubernetes.io/";
    private static final String NONE = "<none>";

    private KubectlNodes() {
    }

    static boolean apiserverRefused(String text) {
        return Lines.of(text).stream().anyMatch(l -> REFUSED.matcher(l.text().strip()).matches());
    }

    static List<NodeRow> parse(String text, Instant now) {
        if (JsonInput.looksLikeJson(text)) {
            return fromJson(JsonInput.read(text, JSON, "items"), now);
        }
        List<Line> lines = Lines.trimmed(Lines.of(text));
        if (lines.isEmpty()) {
            throw Lines.empty(PLAIN);
        }
        Line first = lines.get(0);
        if (lines.size() == 1 && first.text().strip().startsWith("No resources found")) {
            return List.of();
        }
        if (REFUSED.matcher(first.text().strip()).matches()) {
            throw Lines.at(PLAIN, first, "the apiserver refused the connection: no table to read"
                    + " (Parsers.apiserverRefused tells this apart)");
        }
        if (!List.of(first.text().strip().split("\\s+")).contains("NAME")) {
            throw Lines.at(PLAIN, first, "expected the header line NAME STATUS ROLES AGE VERSION ...");
        }
        KubectlTable.Table table = KubectlTable.read(lines, PLAIN, "OS-IMAGE");
        boolean wide = table.has("INTERNAL-IP");
        String format = wide ? WIDE : PLAIN;
        for (String column : wide ? concat(PLAIN_COLUMNS, WIDE_COLUMNS) : PLAIN_COLUMNS) {
            if (!table.has(column)) {
                throw Lines.at(format, first, "the header has no " + column + " column");
            }
        }
        List<NodeRow> rows = new ArrayList<>(table.rows().size());
        for (KubectlTable.Row r : table.rows()) {
            rows.add(fromCells(r, wide, format));
        }
        return rows;
    }

    private static NodeRow fromCells(KubectlTable.Row r, boolean wide, String format) {
        String status = r.get("STATUS");
        if (!STATUS.matcher(status).matches()) {
            throw Lines.at(format, r.line(), "STATUS '" + status + "' is not Ready, NotReady or Unknown (with ,SchedulingDisabled)");
        }
        String roles = r.get("ROLES");
        if (!roles.equals(NONE) && !ROLES.matcher(roles).matches()) {
            throw Lines.at(format, r.line(), "ROLES '" + roles + "' is neither <none> nor roles joined by commas");
        }
        String age = r.get("AGE");
        long ageSeconds = HumanDuration.lowerBoundOrMinusOne(age);
        if (ageSeconds < 0) {
            throw Lines.at(format, r.line(), "AGE '" + age + "' is not a duration kubectl prints (e.g. 17s, 3m48s, 14m, 19h, 2d3h)");
        }
        List<String> roleList = roles.equals(NONE) ? List.of() : Arrays.asList(roles.split(","));
        if (!wide) {
            return new NodeRow(r.get("NAME"), status, roleList, age, ageSeconds, r.get("VERSION"),
                    null, null, null, null, null);
        }
        return new NodeRow(r.get("NAME"), status, roleList, age, ageSeconds, r.get("VERSION"),
                orNull(r.get("INTERNAL-IP")), orNull(r.get("EXTERNAL-IP")), r.get("OS-IMAGE"),
                r.get("KERNEL-VERSION"), r.get("CONTAINER-RUNTIME"));
    }

    private static String orNull(String cell) {
        return cell.equals(NONE) ? null : cell;
    }

    /**
     * JSON carries creation times, not ages: AGE is computed as kubectl would at {@code now}. With
     * no {@code now}, the newest time the document itself shows (a heartbeat, a transition, a
     * creation) stands in, so ageSeconds stays a lower bound of the real age.
     */
    private static List<NodeRow> fromJson(Doc doc, Instant now) {
        List<Element> items;
        if (doc.hasArray()) {
            items = doc.elements();
        } else if (doc.root() != null && "Node".equals(JsonInput.text(doc.root(), "kind"))) {
            items = List.of(new Element(doc.root(), 1, 0));
        } else {
            throw doc.error("expected a List with items or a single Node (kubectl get nodes -o json)");
        }
        Instant at = now != null ? now : newestTime(doc, items);
        List<NodeRow> rows = new ArrayList<>(items.size());
        for (Element e : items) {
            try {
                rows.add(fromNode(e.node(), at));
            } catch (BadField bad) {
                throw doc.error(e, "items", bad.getMessage());
            }
        }
        return rows;
    }

    private static NodeRow fromNode(JsonNode node, Instant now) {
        JsonNode metadata = object(node, "metadata");
        JsonNode status = node.path("status");
        String name = JsonInput.text(metadata, "name");
        if (name == null || name.isEmpty()) {
            throw new BadField("metadata.name is missing");
        }
        Instant created = time(metadata, "creationTimestamp");
        if (created == null) {
            throw new BadField("metadata.creationTimestamp is missing: no AGE (kubectl would print <unknown>)");
        }
        Duration age = Duration.between(created, now);
        if (age.isNegative()) {
            throw new BadField("metadata.creationTimestamp " + created + " is after the time of observation " + now);
        }
        JsonNode info = status.path("nodeInfo");
        return new NodeRow(name, statusText(node), roles(metadata.path("labels")), HumanDuration.format(age),
                age.getSeconds(),
                textOr(info, "kubeletVersion", ""), address(status, "InternalIP"), address(status, "ExternalIP"),
                textOr(info, "osImage", "<unknown>"), textOr(info, "kernelVersion", "<unknown>"),
                textOr(info, "containerRuntimeVersion", "<unknown>"));
    }

    // kubectl printNode: Ready / NotReady from the Ready condition, Unknown without one, then ,SchedulingDisabled.
    private static String statusText(JsonNode node) {
        String text = "Unknown";
        for (JsonNode c : node.path("status").path("conditions")) {
            if ("Ready".equals(JsonInput.text(c, "type"))) {
                text = "True".equals(JsonInput.text(c, "status")) ? "Ready" : "NotReady";
            }
        }
        return node.path("spec").path("unschedulable").asBoolean(false) ? text + ",SchedulingDisabled" : text;
    }

    // kubectl findNodeRoles: node-role.kubernetes.io/<role> keys and kubernetes.io/role=<role>, sorted, once each.
    private static List<String> roles(JsonNode labels) {
        TreeSet<String> roles = new TreeSet<>();
        labels.fields().forEachRemaining(f -> {
            String key = f.getKey();
            if (key.startsWith(ROLE_LABEL) && key.length() > ROLE_LABEL.length()) {
                roles.add(key.substring(ROLE_LABEL.length()));
            } else if (key.equals("kubernetes.io/role") && !f.getValue().asText("").isEmpty()) {
                roles.add(f.getValue().asText());
            }
        });
        return List.copyOf(roles);
    }

    private static String address(JsonNode status, String type) {
        for (JsonNode a : status.path("addresses")) {
            if (type.equals(JsonInput.text(a, "type"))) {
                return JsonInput.text(a, "address");
            }
        }
        return null;
    }

    private static Instant newestTime(Doc doc, List<Element> nodes) {
        Instant newest = Instant.EPOCH;
        for (Element e : nodes) {
            try {
                newest = later(newest, time(e.node().path("metadata"), "creationTimestamp"));
                for (JsonNode c : e.node().path("status").path("conditions")) {
                    newest = later(later(newest, time(c, "lastHeartbeatTime")), time(c, "lastTransitionTime"));
                }
            } catch (BadField bad) {
                throw doc.error(e, "items", bad.getMessage());
            }
        }
        return newest;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static Instant time(JsonNode node, String field) {
        String t = JsonInput.text(node, field);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new BadField(field + " '" + t + "' is not an RFC 3339 time");
        }
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw new BadField(field + " is missing");
        }
        return v;
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String v = JsonInput.text(node, field);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
