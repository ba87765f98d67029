package dev.k3slab.machine;

import java.time.Duration;
import java.time.Instant;

/**
 * Optional ability of a {@link MachineProvider}: the lab runs on a clock that the harness moves,
 * so that waits of emulated minutes take real milliseconds. Only the emulated lab has it; reports
 * mark durations measured on this clock as emulated.
 */
public interface TimeControl {

    /** The lab's current time. */
    Instant now();

    /** Moves the lab's clock forward by {@code d}, running everything that falls due on the way. */
    void advance(Duration d);
}
