package dev.k3slab.record;

import java.time.Instant;

/**
 * One command as it ran on a node, for the transcript. Secrets already masked.
 *
 * @param node       lab node
 * @param command    the command line (masked)
 * @param exitStatus the exit status, or null when none was received
 * @param stdout     standard output (masked)
 * @param stderr     standard error (masked)
 * @param started    wall-clock start
 * @param tookMillis wall-clock duration
 */
public record CommandRecord(String node, String command, Integer exitStatus, String stdout, String stderr,
                            Instant started, long tookMillis) {
}
