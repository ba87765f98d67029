package dev.k3slab.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The timeline's x axis: the lab clock mapped piecewise onto the plot, each long quiet span (no
 * sample changes anything and no step starts for longer than {@link #QUIET}) drawn as a break of
 * fixed width, the remaining time on one proportional scale. So 5a's 30-minute hold takes a
 * break's width instead of squeezing every other experiment into a sliver. Immutable.
 */
final class TimelineAxis {
    /** A span quieter than this is broken out of the axis. */
    static final Duration QUIET = Duration.ofMinutes(2);
    /** Lab time kept on the scale at each end of a break, so what leads in and out of it stays readable. */
    static final Duration CONTEXT = Duration.ofSeconds(20);
    static final double BREAK_WIDTH = 30;
    private static final long[] TICK_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
            21600, 43200, 86400};
    private static final double TICK_SPACING = 64;

    /**
     * One break in the axis.
     *
     * @param sampled whether any sample was taken inside it ("with no change") or none ("not monitored")
     */
    record Break(Instant from, Instant to, double x0, double x1, boolean sampled) {
        /** What the break stands for, e.g. {@code ≈ 29 min with no change}. */
        String label() {
            return "≈ " + roughly(Duration.between(from, to)) + (sampled ? " with no change" : " not monitored");
        }
    }

    private record Piece(Instant from, Instant to, double x0, double x1) {
        double x(Instant t) {
            long span = Duration.between(from, to).toMillis();
            return span <= 0 ? x0 : x0 + Duration.between(from, t).toMillis() / (double) span * (x1 - x0);
        }
    }

    private final Instant t0;
    private final Instant t1;
    private final List<Piece> pieces;
    private final List<Break> breaks;
    private final double pxPerSecond;

    private TimelineAxis(Instant t0, Instant t1, List<Piece> pieces, List<Break> breaks, double pxPerSecond) {
        this.t0 = t0;
        this.t1 = t1;
        this.pieces = pieces;
        this.breaks = breaks;
        this.pxPerSecond = pxPerSecond;
    }

    /**
     * The axis from {@code t0} to {@code t1} over {@code [left, right]} pixels.
     *
     * @param events  instants where something changes or a step starts: no break spans one
     * @param samples the instants of the samples, to tell a quiet span from an unmonitored one
     */
    static TimelineAxis of(Instant t0, Instant t1, List<Instant> events, List<Instant> samples, double left, double right) {
        if (!t1.isAfter(t0)) {
            t1 = t0.plusSeconds(1);
        }
        TreeSet<Instant> cuts = new TreeSet<>(List.of(t0, t1));
        for (Instant e : events) {
            if (e.isAfter(t0) && e.isBefore(t1)) {
                cuts.add(e);
            }
        }
        List<Instant[]> quiet = new ArrayList<>();
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null && Duration.between(previous, cut).compareTo(QUIET) > 0) {
                quiet.add(new Instant[] {previous.plus(CONTEXT), cut.minus(CONTEXT)});
            }
            previous = cut;
        }
        // Breaks never take more than a third of the plot, whatever the run.
        int fit = (int) Math.max(0, (right - left) / 3 / BREAK_WIDTH);
        if (quiet.size() > fit) {
            quiet.sort((a, b) -> Duration.between(b[0], b[1]).compareTo(Duration.between(a[0], a[1])));
            quiet = new ArrayList<>(quiet.subList(0, fit));
            quiet.sort((a, b) -> a[0].compareTo(b[0]));
        }
        long shownMillis = Duration.between(t0, t1).toMillis();
        for (Instant[] q : quiet) {
            shownMillis -= Duration.between(q[0], q[1]).toMillis();
        }
        double scale = (right - left - quiet.size() * BREAK_WIDTH) / Math.max(1, shownMillis);
        List<Piece> pieces = new ArrayList<>();
        List<Break> breaks = new ArrayList<>();
        Instant from = t0;
        double x = left;
        for (Instant[] q : quiet) {
            double end = x + Duration.between(from, q[0]).toMillis() * scale;
            pieces.add(new Piece(from, q[0], x, end));
            boolean sampled = samples.stream().anyMatch(s -> s.isAfter(q[0]) && s.isBefore(q[1]));
            breaks.add(new Break(q[0], q[1], end, end + BREAK_WIDTH, sampled));
            pieces.add(new Piece(q[0], q[1], end, end + BREAK_WIDTH));
            x = end + BREAK_WIDTH;
            from = q[1];
        }
        pieces.add(new Piece(from, t1, x, right));
        return new TimelineAxis(t0, t1, List.copyOf(pieces), List.copyOf(breaks), scale * 1000);
    }

    Instant start() {
        return t0;
    }

    Instant end() {
        return t1;
    }

    List<Break> breaks() {
        return breaks;
    }

    /** The x of {@code t}, clamped to the axis; inside a break, proportionally across its width. */
    double x(Instant t) {
        if (!t.isAfter(t0)) {
            return pieces.get(0).x0();
        }
        for (Piece p : pieces) {
            if (!t.isAfter(p.to())) {
                return p.x(t);
            }
        }
        return pieces.get(pieces.size() - 1).x1();
    }

    /** Whether {@code x} lies inside a break or within {@code margin} pixels of one. */
    boolean nearBreak(double x, double margin) {
        return breaks.stream().anyMatch(b -> x > b.x0() - margin && x < b.x1() + margin);
    }

    /** Seconds since {@link #start} of the ticks to draw: round steps at least {@value #TICK_SPACING} px apart, none in a break. */
    List<Long> ticks() {
        long step = TICK_SECONDS[TICK_SECONDS.length - 1];
        for (long candidate : TICK_SECONDS) {
            if (candidate * pxPerSecond >= TICK_SPACING) {
                step = candidate;
                break;
            }
        }
        List<Long> out = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        long span = Duration.between(t0, t1).toSeconds();
        for (long t = 0; t <= span; t += step) {
            double x = x(t0.plusSeconds(t));
            if (x - last >= TICK_SPACING * 0.75 && !nearBreak(x, 14)) {
                out.add(t);
                last = x;
            }
        }
        return out;
    }

    /** {@code 29 min}, {@code 1 h 05 min} or {@code 45 s}. */
    static String roughly(Duration d) {
        long seconds = Math.round(d.toMillis() / 1000.0);
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
}
