package dev.k3slab.scenario;

import dev.k3slab.machine.TimeControl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated lab's clock: {@link #pass} moves it in steps that stop at every scheduled task's
 * due time, so that a monitor samples every interval of lab time as it would on real VMs, on the
 * engine's own thread (no concurrency with the steps).
 */
final class EmulatedTime implements LabTime {
    private final TimeControl clock;
    private final List<Schedule> schedules = new ArrayList<>();

    EmulatedTime(TimeControl clock) {
        this.clock = clock;
    }

    private final class Schedule implements AutoCloseable {
        final Duration interval;
        final Runnable task;
        Instant due;

        Schedule(Duration interval, Runnable task) {
            this.interval = interval;
            this.task = task;
            this.due = clock.now();
        }

        @Override
        public void close() {
            schedules.remove(this);
        }
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    @Override
    public void pass(Duration d) {
        Instant end = clock.now().plus(d);
        runDue();
        while (clock.now().isBefore(end)) {
            Instant next = end;
            for (Schedule s : schedules) {
                if (s.due.isBefore(next)) {
                    next = s.due;
                }
            }
            if (next.isAfter(clock.now())) {
                clock.advance(Duration.between(clock.now(), next));
            }
            runDue();
        }
    }

    /**
     * Runs each task that is due, once: due times the clock jumped over (a reboot moves it inside
     * the provider, while the engine waits) are skipped, since a sample can only be taken now and
     * several at one instant would claim readings nobody made.
     */
    private void runDue() {
        for (Schedule s : List.copyOf(schedules)) {
            if (schedules.contains(s) && !s.due.isAfter(clock.now())) {
                while (!s.due.isAfter(clock.now())) {
                    s.due = s.due.plus(s.interval);
                }
                s.task.run();
            }
        }
    }

    @Override
    public boolean emulated() {
        return true;
    }

    @Override
    public AutoCloseable every(Duration interval, Runnable task) {
        Schedule s = new Schedule(interval, task);
        schedules.add(s);
        runDue();
        return s;
    }
}
