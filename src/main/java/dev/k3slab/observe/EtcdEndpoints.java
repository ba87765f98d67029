package dev.k3slab.observe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.k3slab.observe.JsonInput.BadField;
import dev.k3slab.observe.JsonInput.Doc;
import dev.k3slab.observe.JsonInput.Element;
import dev.k3slab.observe.Lines.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code etcdctl endpoint status} and {@code etcdctl endpoint health}, every output form (reference §8). */
final class EtcdEndpoints {
    static final String STATUS_TABLE = "etcdctl endpoint status -w table";
    static final String STATUS_SIMPLE = "etcdctl endpoint status (simple: ENDPOINT, ID, VERSION, DB SIZE, IS LEADER,"
            + " IS LEARNER, RAFT TERM, RAFT INDEX, RAFT APPLIED INDEX, ERRORS)";
    static final String STATUS_JSON = "etcdctl endpoint status -w json";
    static final String HEALTH_TABLE = "etcdctl endpoint health -w table";
    static final String HEALTH_SIMPLE = "etcdctl endpoint health (simple: '<endpoint> is healthy: ...' or"
            + " '<endpoint> is unhealthy: ...')";
    static final String HEALTH_JSON = "etcdctl endpoint health -w json";

    private static final List<String> STATUS_COLUMNS = List.of("ENDPOINT", "ID", "VERSION", "DB SIZE", "IS LEADER",
            "IS LEARNER", "RAFT TERM", "RAFT INDEX", "RAFT APPLIED INDEX", "ERRORS");
    private static final List<String> HEALTH_COLUMNS = List.of("ENDPOINT", "HEALTH", "TOOK", "ERROR");
    private static final Pattern FAILED = Pattern.compile("Failed to get the status of endpoint (\\S+) \\((.*)\\)");
    private static final Pattern HEALTHY = Pattern.compile("(\\S+) is healthy: successfully committed proposal: took = (\\S+)");
    private static final Pattern UNHEALTHY = Pattern.compile("(\\S+) is unhealthy: failed to commit proposal: (.*)");
    private static final String UNHEALTHY_CLUSTER = "Error: unhealthy cluster";
    private static final String[] SIZES = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private EtcdEndpoints() {
    }

    /** The first endpoint etcdctl could not get the status of, if the output says so. */
    static Optional<String> failure(String text) {
        for (Line l : Lines.of(text)) {
            Matcher m = FAILED.matcher(l.text().strip());
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    static List<EndpointStatus> status(String text) {
        List<Line> all = Etcdctl.withoutClientLogs(Lines.of(text));
        Predicate<Line> failed = l -> FAILED.matcher(l.text().strip()).matches();
        List<Line> lines = Lines.trimmed(all.stream().filter(failed.negate()).toList());
        if (lines.isEmpty()) {
            if (all.isEmpty()) {
                throw Lines.empty(STATUS_TABLE);
            }
            return List.of();
        }
        if (JsonInput.looksLikeJson(lines.get(0).text())) {
            return statusFromJson(JsonInput.read(Lines.textOf(lines), STATUS_JSON, null));
        }
        Etcdctl.rejectError(lines, STATUS_TABLE);
        List<EndpointStatus> out = new ArrayList<>();
        if (BorderedTable.isBorder(lines.get(0).text())) {
            for (BorderedTable.Row r : BorderedTable.read(lines, STATUS_TABLE, STATUS_COLUMNS)) {
                String[] cells = STATUS_COLUMNS.stream().map(r::get).toArray(String[]::new);
                out.add(status(r.line(), STATUS_TABLE, cells));
            }
            return out;
        }
        for (Line l : lines) {
            // An empty ERRORS field leaves the line ending in ", " (often trimmed to "," when copied).
            String t = l.text().strip();
            String[] f = (t.endsWith(",") ? t + " " : t).split(", ", -1);
            if (f.length < STATUS_COLUMNS.size()) {
                throw Lines.at(STATUS_SIMPLE, l, "expected 10 fields separated by ', ', found " + f.length);
            }
            String[] cells = Arrays.copyOf(f, STATUS_COLUMNS.size());
            // ERRORS are themselves joined by ", ": everything after the ninth field.
            cells[9] = String.join(", ", Arrays.copyOfRange(f, 9, f.length));
            out.add(status(l, STATUS_SIMPLE, cells));
        }
        return out;
    }

    private static EndpointStatus status(Line line, String format, String[] c) {
        String id = Etcdctl.hexId(c[1]);
        if (id == null) {
            throw Lines.at(format, line, "ID '" + c[1] + "' is not a member ID in lower-case hex");
        }
        if (!Etcdctl.isBoolean(c[4]) || !Etcdctl.isBoolean(c[5])) {
            throw Lines.at(format, line, "IS LEADER and IS LEARNER must be true or false, found '" + c[4] + "' and '" + c[5] + "'");
        }
        long[] raft = new long[3];
        for (int i = 0; i < 3; i++) {
            raft[i] = count(c[6 + i]);
            if (raft[i] < 0) {
                throw Lines.at(format, line, STATUS_COLUMNS.get(6 + i) + " '" + c[6 + i] + "' is not a whole number");
            }
        }
        List<String> errors = c[9].isEmpty() ? List.of() : List.of(c[9].split(", "));
        return new EndpointStatus(c[0], id, c[2], c[3], c[4].equals("true"), c[5].equals("true"),
                raft[0], raft[1], raft[2], errors);
    }

    private static List<EndpointStatus> statusFromJson(Doc doc) {
        if (!doc.hasArray()) {
            throw doc.error("expected [{\"Endpoint\":...,\"Status\":{...}}] (etcdctl endpoint status -w json)");
        }
        List<EndpointStatus> out = new ArrayList<>();
        for (Element e : doc.elements()) {
            try {
                out.add(statusFromJson(e.node()));
            } catch (BadField bad) {
                throw doc.error(e, "status", bad.getMessage());
            }
        }
        return out;
    }

    private static EndpointStatus statusFromJson(JsonNode node) {
        String endpoint = JsonInput.text(node, "Endpoint");
        JsonNode s = node.get("Status");
        if (endpoint == null || s == null || !s.isObject()) {
            throw new BadField("expected Endpoint and Status");
        }
        JsonNode header = s.path("header");
        long memberId = JsonInput.unsigned(header.get("member_id"));
        long leader = s.has("leader") ? JsonInput.unsigned(s.get("leader")) : 0;
        String version = JsonInput.text(s, "version");
        return new EndpointStatus(endpoint, Long.toHexString(memberId), version == null ? "" : version,
                humanBytes(s.has("dbSize") ? JsonInput.unsigned(s.get("dbSize")) : 0), leader == memberId,
                JsonInput.flag(s, "isLearner"), optionalCount(s, "raftTerm"), optionalCount(s, "raftIndex"),
                optionalCount(s, "raftAppliedIndex"), JsonInput.strings(s, "errors"));
    }

    static List<EndpointHealth> health(String text) {
        List<Line> all = Etcdctl.withoutClientLogs(Lines.of(text));
        if (all.isEmpty()) {
            throw Lines.empty(HEALTH_TABLE);
        }
        if (JsonInput.looksLikeJson(all.get(0).text())) {
            return healthFromJson(JsonInput.read(Lines.textOf(dropUnhealthyCluster(all)), HEALTH_JSON, null));
        }
        if (BorderedTable.isBorder(all.get(0).text())) {
            List<EndpointHealth> out = new ArrayList<>();
            for (BorderedTable.Row r : BorderedTable.read(dropUnhealthyCluster(all), HEALTH_TABLE, HEALTH_COLUMNS)) {
                String health = r.get("HEALTH");
                if (!Etcdctl.isBoolean(health)) {
                    throw Lines.at(HEALTH_TABLE, r.line(), "HEALTH '" + health + "' is neither true nor false");
                }
                out.add(new EndpointHealth(r.get("ENDPOINT"), health.equals("true"), r.get("TOOK"), r.get("ERROR")));
            }
            return out;
        }
        List<EndpointHealth> out = new ArrayList<>();
        for (Line l : all) {
            String t = l.text().strip();
            Matcher ok = HEALTHY.matcher(t);
            Matcher bad = UNHEALTHY.matcher(t);
            if (ok.matches()) {
                out.add(new EndpointHealth(ok.group(1), true, ok.group(2), ""));
            } else if (bad.matches()) {
                out.add(new EndpointHealth(bad.group(1), false, "", bad.group(2)));
            } else if (!t.equals(UNHEALTHY_CLUSTER)) {
                throw Lines.at(HEALTH_SIMPLE, l, "expected '<endpoint> is healthy: successfully committed proposal: took = <d>'"
                        + " or '<endpoint> is unhealthy: failed to commit proposal: <error>'");
            }
        }
        return out;
    }

    // etcdctl ends with "Error: unhealthy cluster" on stderr when an endpoint is unhealthy.
    private static List<Line> dropUnhealthyCluster(List<Line> lines) {
        int last = lines.size() - 1;
        return last > 0 && lines.get(last).text().strip().equals(UNHEALTHY_CLUSTER)
                ? Lines.trimmed(lines.subList(0, last)) : lines;
    }

    private static List<EndpointHealth> healthFromJson(Doc doc) {
        if (!doc.hasArray()) {
            throw doc.error("expected [{\"endpoint\":...,\"health\":...}] (etcdctl endpoint health -w json)");
        }
        List<EndpointHealth> out = new ArrayList<>();
        for (Element e : doc.elements()) {
            try {
                String endpoint = JsonInput.text(e.node(), "endpoint");
                if (endpoint == null) {
                    throw new BadField("endpoint is missing");
                }
                String took = JsonInput.text(e.node(), "took");
                String error = JsonInput.text(e.node(), "error");
                out.add(new EndpointHealth(endpoint, JsonInput.flag(e.node(), "health"), took == null ? "" : took,
                        error == null ? "" : error));
            } catch (BadField bad) {
                throw doc.error(e, "health", bad.getMessage());
            }
        }
        return out;
    }

    /** go-humanize {@code Bytes}: SI units, one decimal below 10 ({@code 4.1 MB}, {@code 25 kB}). */
    static String humanBytes(long bytes) {
        double s = unsignedToDouble(bytes);
        if (Long.compareUnsigned(bytes, 10) < 0) {
            return bytes + " B";
        }
        int e = (int) Math.floor(StrictMath.log(s) / StrictMath.log(1000));
        double val = Math.floor(s / Math.pow(1000, e) * 10 + 0.5) / 10;
        // Go's %.Nf rounds the exact binary value half to even.
        BigDecimal rounded = new BigDecimal(val).setScale(val < 10 ? 1 : 0, RoundingMode.HALF_EVEN);
        return rounded.toPlainString() + " " + SIZES[e];
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    private static long optionalCount(JsonNode s, String field) {
        return s.has(field) ? JsonInput.count(s.get(field)) : 0;
    }

    private static long count(String cell) {
        if (cell.isEmpty() || cell.length() > 19 || !cell.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return -1;
        }
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException beyondLong) {
            return -1;
        }
    }
}
