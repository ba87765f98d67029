package dev.k3slab.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The emulated lab's clock. It never moves by itself: the harness moves it with {@link #advance},
 * and every listener (the K3s model) is told the new time so it can run what fell due. Thread-safe.
 */
public final class EmulatedClock {
    private Instant now;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    public EmulatedClock(Instant start) {
        this.now = start;
    }

    public synchronized Instant now() {
        return now;
    }

    /** Moves the clock forward and tells every listener, in steps of at most one second. */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the clock cannot go back: " + d);
        }
        Duration left = d;
        while (!left.isZero()) {
            Duration step = left.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : left;
            Instant t;
            synchronized (this) {
                now = now.plus(step);
                t = now;
            }
            for (Consumer<Instant> l : listeners) {
                l.accept(t);
            }
            left = left.minus(step);
        }
    }

    /** Sets the clock (restoring a checkpoint); listeners are told. */
    public void set(Instant t) {
        synchronized (this) {
            now = t;
        }
        listeners.forEach(l -> l.accept(t));
    }

    public void addListener(Consumer<Instant> listener) {
        listeners.add(listener);
    }
}
