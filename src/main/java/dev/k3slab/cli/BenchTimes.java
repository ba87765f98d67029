package dev.k3slab.cli;

import java.util.Arrays;

/** Wall-time figures the benchmarks print: elapsed milliseconds and the spread of measured runs. */
final class BenchTimes {

    private BenchTimes() {
    }

    /** Milliseconds since {@code startNanos} (a {@link System#nanoTime()} reading). */
    static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** Median, 90th percentile and maximum of measured runs, in milliseconds. */
    record Spread(double medianMs, double p90Ms, double maxMs) {

        /** The spread of {@code nanos} (sorted here; not changed). */
        static Spread of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return new Spread(sorted[n / 2] / 1e6, sorted[n * 9 / 10] / 1e6, sorted[n - 1] / 1e6);
        }
    }
}
