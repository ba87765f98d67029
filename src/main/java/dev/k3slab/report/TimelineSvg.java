package dev.k3slab.report;

import dev.k3slab.record.MonitorSample;
import dev.k3slab.record.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws the monitor's samples as SVG on the lab clock: a Ready/NotReady lane per node, the etcd member
 * and learner counts, RAFT TERM, and a vertical marker at the start of every step (a labelled one at
 * each experiment's first step). Long spans where nothing changes are broken out of the axis
 * ({@link TimelineAxis}). One image per monitoring node; none when there are no samples.
 */
final class TimelineSvg {
    static final int WIDTH = 1180;
    static final int LEFT = 150;
    static final int RIGHT = 20;
    private static final int TOP = 60;
    private static final int LANE = 16;
    private static final int LANE_GAP = 6;
    private static final int CHART = 70;
    private static final int GAP = 18;

    private static final String READY = "#2e7d32";
    private static final String NOT_READY = "#c62828";
    private static final String ABSENT = "#cfd8dc";
    private static final String NO_DATA = "#f9a825";
    private static final String MEMBERS = "#1565c0";
    private static final String LEARNERS = "#ef6c00";
    private static final String TERM = "#6a1b9a";

    private TimelineSvg() {
    }

    static List<Timeline> draw(RunRecord run) {
        Map<String, List<MonitorSample>> byFrom = new LinkedHashMap<>();
        run.timeline().stream().filter(s -> s.at() != null).sorted(Comparator.comparing(MonitorSample::at))
                .forEach(s -> byFrom.computeIfAbsent(Formats.orDash(s.from()), k -> new ArrayList<>()).add(s));
        List<TimelineMarks.Marker> markers = TimelineMarks.of(run);
        List<Timeline> out = new ArrayList<>();
        byFrom.forEach((from, samples) -> out.add(draw(from, samples, TimelineMarks.plotted(markers, samples))));
        return out;
    }

    private static Timeline draw(String from, List<MonitorSample> samples, List<TimelineMarks.Marker> markers) {
        Instant t0 = samples.get(0).at();
        Instant last = samples.get(samples.size() - 1).at();
        Duration interval = interval(samples);
        Set<String> nodes = new LinkedHashSet<>();
        samples.forEach(s -> s.nodes().forEach(n -> nodes.add(n.name())));
        Duration maxHold = interval.multipliedBy(3);
        // The last sample holds until one usual interval after it.
        Instant t1 = last.plus(interval);
        List<Instant> events = new ArrayList<>(changes(samples, nodes, maxHold));
        markers.forEach(m -> events.add(m.at()));
        TimelineAxis axis = TimelineAxis.of(t0, t1, events, samples.stream().map(MonitorSample::at).toList(), LEFT,
                WIDTH - RIGHT);
        Canvas c = new Canvas(axis, samples, maxHold, TOP + nodes.size() * (LANE + LANE_GAP) + GAP);
        int bottom = c.chartTop + 2 * CHART + GAP;
        int height = bottom + 44 + 26;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", WIDTH, height, WIDTH, height,
                esc("monitor timeline seen from " + from)));
        svg.append("<style>svg.timeline text{font:11px sans-serif;fill:#263238}svg.timeline .tl-small{font-size:9px}"
                + "svg.timeline .tl-label{font-weight:bold}svg.timeline .tl-break{font-size:10px;fill:#455a64}</style>");
        int y = TOP;
        for (String node : nodes) {
            lane(svg, c, samples, node, y);
            y += LANE + LANE_GAP;
        }
        chart(svg, c, samples, c.chartTop, "etcd members", List.of(
                new Series(MEMBERS, "", false, MonitorSample::members),
                new Series(LEARNERS, "5,3", true, MonitorSample::learners)), false);
        chart(svg, c, samples, c.chartTop + CHART + GAP, "RAFT TERM",
                List.of(new Series(TERM, "", false, MonitorSample::raftTerm)), true);
        TimelineMarks.markers(svg, axis, markers, bottom);
        TimelineMarks.breaks(svg, axis, TOP - 4, bottom);
        TimelineMarks.axis(svg, axis, bottom);
        legend(svg, bottom + 44);
        svg.append("</svg>");
        return new Timeline(from, samples.size(), Formats.instant(t0), Formats.instant(last), svg.toString());
    }

    /**
     * The instants where the picture changes: a sample that differs from the one before it (a node's
     * state, the member or learner count, the term), and both ends of a gap in the sampling.
     */
    private static List<Instant> changes(List<MonitorSample> samples, Set<String> nodes, Duration maxHold) {
        List<Instant> out = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            MonitorSample before = samples.get(i - 1);
            MonitorSample now = samples.get(i);
            if (Duration.between(before.at(), now.at()).compareTo(maxHold) > 0) {
                out.add(before.at().plus(maxHold));
                out.add(now.at());
            } else if (!picture(before, nodes).equals(picture(now, nodes))) {
                out.add(now.at());
            }
        }
        return out;
    }

    private static List<Object> picture(MonitorSample s, Set<String> nodes) {
        List<Object> p = new ArrayList<>();
        nodes.forEach(n -> p.add(state(s, n)));
        p.add(String.valueOf(s.members()));
        p.add(String.valueOf(s.learners()));
        p.add(String.valueOf(s.raftTerm()));
        return p;
    }

    /**
     * The plot's geometry. A sample holds until the next one, but never longer than {@code maxHold}:
     * beyond that the monitor was not sampling and the plot stays empty.
     */
    private record Canvas(TimelineAxis axis, List<MonitorSample> samples, Duration maxHold, int chartTop) {
        double x(Instant t) {
            return axis.x(t);
        }

        /** Whether sample {@code i} is followed by a gap in the sampling (or is the last). */
        boolean gapAfter(int i) {
            return i + 1 >= samples.size() || Duration.between(samples.get(i).at(), samples.get(i + 1).at()).compareTo(maxHold) > 0;
        }

        /** Until when sample {@code i} holds. */
        Instant holdUntil(int i) {
            Instant limit = samples.get(i).at().plus(maxHold);
            Instant next = i + 1 < samples.size() ? samples.get(i + 1).at() : axis.end();
            return next.isBefore(limit) ? next : limit;
        }
    }

    /** One line of a chart; {@code dots} marks every sample with a value above zero (a 5-s learner is otherwise a sliver). */
    private record Series(String color, String dash, boolean dots, Function<MonitorSample, Number> value) {
    }

    private static void lane(StringBuilder svg, Canvas c, List<MonitorSample> samples, String node, int y) {
        svg.append(text(LEFT - 8, y + 12, "end", node));
        int i = 0;
        while (i < samples.size()) {
            String state = state(samples.get(i), node);
            int j = i + 1;
            while (j < samples.size() && !c.gapAfter(j - 1) && state(samples.get(j), node).equals(state)) {
                j++;
            }
            Instant from = samples.get(i).at();
            Instant to = c.holdUntil(j - 1);
            String color = switch (state) {
                case "Ready" -> READY;
                case "NotReady" -> NOT_READY;
                case "no data" -> NO_DATA;
                default -> ABSENT;
            };
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                            + "<title>%s</title></rect>", c.x(from), y, Math.max(0.5, c.x(to) - c.x(from)), LANE, color,
                    esc(node + ": " + state + " from " + Formats.instant(from) + " to " + Formats.instant(to))));
            i = j;
        }
    }

    private static String state(MonitorSample s, String node) {
        if (s.nodes().isEmpty() && s.error() != null) {
            return "no data";
        }
        return s.nodes().stream().filter(n -> n.name().equals(node)).findFirst()
                .map(n -> n.ready() ? "Ready" : "NotReady").orElse("not listed");
    }

    private static void chart(StringBuilder svg, Canvas c, List<MonitorSample> samples, int top, String label,
                              List<Series> series, boolean labelChanges) {
        svg.append(text(LEFT - 8, top + CHART / 2 + 4, "end", label));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
                + "stroke=\"#eceff1\"/>", LEFT, top, WIDTH - LEFT - RIGHT, CHART));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Series s : series) {
            for (MonitorSample m : samples) {
                Number v = s.value().apply(m);
                if (v != null) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        if (min > max) {
            svg.append(text(LEFT + 8, top + CHART / 2 + 4, "start", "not read by the monitor"));
            return;
        }
        double low = labelChanges ? Math.max(0, min - 1) : 0;
        double high = Math.max(max + 1, low + 2);
        svg.append(text(LEFT - 4, top + CHART, "end", fmt(low), "tl-small"));
        svg.append(text(LEFT - 4, top + 8, "end", fmt(high), "tl-small"));
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            Double previous = null;
            for (int i = 0; i < samples.size(); i++) {
                Number v = s.value().apply(samples.get(i));
                if (v == null) {
                    previous = null;
                    continue;
                }
                double x0 = c.x(samples.get(i).at());
                double y = top + CHART - (v.doubleValue() - low) / (high - low) * CHART;
                if (previous == null) {
                    path.append(String.format(Locale.ROOT, "M%.1f %.1f", x0, y));
                } else if (previous != v.doubleValue()) {
                    path.append(String.format(Locale.ROOT, "V%.1f", y));
                }
                boolean lastOfRun = c.gapAfter(i) || !v.equals(s.value().apply(samples.get(i + 1)));
                if (lastOfRun) {
                    path.append(String.format(Locale.ROOT, "H%.1f", c.x(c.holdUntil(i))));
                }
                if (s.dots() && v.doubleValue() > 0) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s</title>"
                            + "</circle>", x0, y, s.color(), esc(fmt(v.doubleValue()) + " at " + Formats.instant(samples.get(i).at()))));
                }
                if (labelChanges && (previous == null || previous != v.doubleValue())) {
                    svg.append(text(x0 + 2, y - 3, "start", fmt(v.doubleValue()), "tl-small"));
                }
                previous = c.gapAfter(i) ? null : v.doubleValue();
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                    path, s.color(), s.dash().isEmpty() ? "" : " stroke-dasharray=\"" + s.dash() + "\""));
        }
    }

    private static void legend(StringBuilder svg, int y) {
        String[][] items = {{READY, "Ready"}, {NOT_READY, "NotReady"}, {ABSENT, "not in the node list"},
                {NO_DATA, "no data (probe error)"}, {MEMBERS, "members"}, {LEARNERS, "learners"}, {TERM, "RAFT TERM"},
                {"#37474f", "experiment start"}, {"#90a4ae", "step start"}};
        double x = LEFT;
        for (String[] item : items) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                    x, y, item[0]));
            svg.append(text(x + 14, y + 9, "start", item[1]));
            x += 26 + item[1].length() * 6.4;
        }
    }

    private static Duration interval(List<MonitorSample> samples) {
        if (samples.size() < 2) {
            return Duration.ofSeconds(5);
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            gaps.add(Duration.between(samples.get(i - 1).at(), samples.get(i).at()).toMillis());
        }
        gaps.sort(null);
        return Duration.ofMillis(Math.max(1000, gaps.get(gaps.size() / 2)));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String text(double x, double y, String anchor, String content, String... cssClass) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>", x, y, anchor,
                cssClass.length == 0 ? "" : " class=\"" + cssClass[0] + "\"", esc(content));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
