package dev.k3slab.report;

import static dev.k3slab.report.TimelineSvg.LEFT;
import static dev.k3slab.report.TimelineSvg.RIGHT;
import static dev.k3slab.report.TimelineSvg.WIDTH;

import dev.k3slab.record.ExperimentRecord;
import dev.k3slab.record.MonitorSample;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.StepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the timeline draws around the samples: a marker at every step start (experiment names
 * staggered over up to three rows so they never overlap), the axis breaks and the lab-clock axis.
 */
final class TimelineMarks {
    /** Baselines of the rows of experiment labels (staggered when they would overlap) and of step numbers. */
    private static final int[] LABEL_ROWS = {12, 25, 38};
    private static final int STEP_ROW = 51;
    /** Width of one character of a bold experiment label, to keep labels apart. */
    static final double LABEL_CHAR = 7.5;

    /** A step start on the lab clock; {@code experimentStart} for an experiment's first step. */
    record Marker(Instant at, String experiment, String label, String title, boolean experimentStart) {
    }

    private TimelineMarks() {
    }

    static List<Marker> of(RunRecord run) {
        List<Marker> markers = new ArrayList<>();
        for (ExperimentRecord e : run.experiments()) {
            boolean first = true;
            for (StepRecord s : e.steps()) {
                if (s.labStarted() != null) {
                    markers.add(new Marker(s.labStarted(), e.id(), first ? e.id() : String.valueOf(s.index() + 1),
                            e.id() + " step " + (s.index() + 1) + ": " + s.name() + " (" + Formats.instant(s.labStarted()) + ")",
                            first));
                    first = false;
                }
            }
        }
        return markers;
    }

    /**
     * The markers inside the sampled span. At its first instant only those of the experiment being
     * sampled: the last steps of the one before often end at that very instant, and would be
     * numbers without an experiment.
     */
    static List<Marker> plotted(List<Marker> markers, List<MonitorSample> samples) {
        MonitorSample first = samples.get(0);
        return markers.stream().filter(m -> m.at().isAfter(first.at())
                || m.at().equals(first.at()) && m.experiment().equals(first.experiment())).toList();
    }

    /**
     * A line at every step start inside the plotted span. Experiment names go in the first label row
     * where they do not overlap the one before; step numbers only where there is room.
     */
    static void markers(StringBuilder svg, TimelineAxis axis, List<Marker> markers, int bottom) {
        double[] rowEnds = new double[LABEL_ROWS.length];
        Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        double lastStepLabel = -100;
        for (Marker m : markers) {
            if (m.at().isBefore(axis.start()) || m.at().isAfter(axis.end())) {
                continue;
            }
            double x = axis.x(m.at());
            if (m.experimentStart()) {
                int row = 0;
                while (row < rowEnds.length - 1 && x + 3 < rowEnds[row] + 4) {
                    row++;
                }
                if (x + 3 < rowEnds[row] + 4) {
                    row = lowest(rowEnds);
                }
                double labelX = Math.max(x + 3, rowEnds[row] + 4);
                rowEnds[row] = labelX + m.label().length() * LABEL_CHAR;
                svg.append(line(x, LABEL_ROWS[row] - 10, bottom, "#37474f", "1.5", "", m.title()));
                svg.append(TimelineSvg.text(labelX, LABEL_ROWS[row], "start", m.label(), "tl-label"));
            } else {
                svg.append(line(x, STEP_ROW - 8, bottom, "#90a4ae", "1", " stroke-dasharray=\"2,3\"", m.title()));
                if (x - lastStepLabel >= 12) {
                    svg.append(TimelineSvg.text(x, STEP_ROW, "middle", m.label(), "tl-small"));
                    lastStepLabel = x;
                }
            }
        }
    }

    private static int lowest(double[] rowEnds) {
        int best = 0;
        for (int i = 1; i < rowEnds.length; i++) {
            if (rowEnds[i] < rowEnds[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String line(double x, int y1, int y2, String color, String width, String extra, String title) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"%s>"
                + "<title>%s</title></line>", x, y1, x, y2, color, width, extra, TimelineSvg.esc(title));
    }

    /** Each break: a band over the lanes and charts saying how long it stands for, and a cut in the axis line. */
    static void breaks(StringBuilder svg, TimelineAxis axis, int top, int bottom) {
        for (TimelineAxis.Break b : axis.breaks()) {
            double mid = (b.x0() + b.x1()) / 2;
            svg.append(String.format(Locale.ROOT, "<g class=\"tl-axis-break\"><title>%s</title>"
                            + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#eceff1\"/>"
                            + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#90a4ae\" stroke-dasharray=\"3,3\"/>"
                            + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#90a4ae\" stroke-dasharray=\"3,3\"/>",
                    TimelineSvg.esc(b.label() + ": " + Formats.instant(b.from()) + " to " + Formats.instant(b.to()) + " (lab clock)"),
                    b.x0(), top, b.x1() - b.x0(), bottom + 9 - top, b.x0(), top, b.x0(), bottom + 9, b.x1(), top, b.x1(), bottom + 9));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"tl-break\" "
                    + "transform=\"rotate(-90 %.1f %.1f)\">%s</text>", mid + 3.5, (top + bottom) / 2.0, mid + 3.5,
                    (top + bottom) / 2.0, TimelineSvg.esc(b.label())));
            for (double x : new double[] {b.x0(), b.x1()}) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#546e7a\" "
                        + "stroke-width=\"1.5\"/>", x - 3, bottom + 8, x + 3, bottom - 4));
            }
            svg.append("</g>");
        }
    }

    static void axis(StringBuilder svg, TimelineAxis axis, int bottom) {
        double previous = LEFT;
        for (TimelineAxis.Break b : axis.breaks()) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#546e7a\"/>",
                    previous, bottom + 2, b.x0(), bottom + 2));
            previous = b.x1();
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#546e7a\"/>",
                previous, bottom + 2, WIDTH - RIGHT, bottom + 2));
        for (long t : axis.ticks()) {
            double x = axis.x(axis.start().plusSeconds(t));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#546e7a\"/>",
                    x, bottom + 2, x, bottom + 7));
            String label = "+" + clock(t);
            // A label centred on a tick near the right edge would be cut off.
            boolean atEdge = x + label.length() * 3.5 > WIDTH;
            svg.append(TimelineSvg.text(atEdge ? WIDTH - 2 : x, bottom + 19, atEdge ? "end" : "middle", label));
        }
        svg.append(TimelineSvg.text(LEFT - 22, bottom + 19, "end", "lab clock"));
        svg.append(TimelineSvg.text(LEFT, bottom + 34, "start", "0 = " + Formats.instant(axis.start())
                + (axis.breaks().isEmpty() ? "" : "; the grey bands are stretches of lab time taken out of the scale"), "tl-small"));
    }

    private static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
