package dev.k3slab.scenario.play;

import java.util.Objects;

/**
 * One pass of the source's monitor loop on cp-1, cut into its parts: the {@code === date ===}
 * line, {@code kubectl get nodes -o wide} and {@code etcdctl member list -w table}.
 *
 * @param date    the date line's text between the {@code ===} marks
 * @param nodes   what kubectl printed on stdout
 * @param members what etcdctl printed
 */
public record MonitorPass(String date, String nodes, String members) {
    private static final String SEPARATOR = "\n---\n";

    /** Cuts a pass's output; throws {@link IllegalArgumentException} quoting it when the marks are missing. */
    public static MonitorPass of(String output) {
        Objects.requireNonNull(output, "output");
        int firstLine = output.indexOf('\n');
        int separator = output.indexOf(SEPARATOR);
        if (!output.startsWith("=== ") || firstLine < 0 || separator < firstLine) {
            throw new IllegalArgumentException("not a pass of the monitor loop (=== date ===, kubectl, ---, etcdctl): "
                    + output);
        }
        String date = output.substring(4, firstLine).replaceFirst(" ===$", "");
        return new MonitorPass(date, output.substring(firstLine + 1, separator + 1),
                output.substring(separator + SEPARATOR.length()).stripTrailing() + "\n");
    }
}
