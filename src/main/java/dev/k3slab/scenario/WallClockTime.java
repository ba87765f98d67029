package dev.k3slab.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The real lab's clock: time passes by sleeping; scheduled tasks run on a daemon thread. */
final class WallClockTime implements LabTime {

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void pass(Duration d) {
        try {
            // A hold on a real lab is real time passing: that is the experiment (5a waits 30 minutes).
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while letting " + Durations.format(d) + " pass", e);
        }
    }

    @Override
    public boolean emulated() {
        return false;
    }

    @Override
    public AutoCloseable every(Duration interval, Runnable task) {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "k3s-lab-monitor");
            t.setDaemon(true);
            return t;
        });
        ex.scheduleAtFixedRate(task, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            ex.shutdownNow();
            ex.awaitTermination(30, TimeUnit.SECONDS);
        };
    }
}
