package dev.k3slab.scenario;

import dev.k3slab.machine.MachineProvider;
import dev.k3slab.machine.TimeControl;
import java.time.Duration;
import java.time.Instant;

/**
 * The lab's clock, as waits, holds and monitors see it. On a real lab it is the wall clock and
 * time passes by sleeping; on a provider with {@link TimeControl} it is the emulated clock and time
 * passes by moving it, so that a 30-minute hold takes real milliseconds. Used from the engine's
 * thread only.
 */
public interface LabTime {

    /** The lab's current time. */
    Instant now();

    /** Lets {@code d} pass on the lab's clock, running what is scheduled on the way. */
    void pass(Duration d);

    /** True when the clock is emulated (durations on it are not real time). */
    boolean emulated();

    /**
     * Runs {@code task} every {@code interval} of lab time until the returned handle is closed: on
     * the emulated clock during {@link #pass}, on the engine's thread; on the wall clock on a thread
     * of its own (the task must then use its own shell).
     */
    AutoCloseable every(Duration interval, Runnable task);

    /** The clock of {@code provider}: emulated when it has {@link TimeControl}, the wall clock otherwise. */
    static LabTime of(MachineProvider provider) {
        return provider instanceof TimeControl tc ? new EmulatedTime(tc) : new WallClockTime();
    }
}
