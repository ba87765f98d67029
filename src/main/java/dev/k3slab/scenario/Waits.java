package dev.k3slab.scenario;

import dev.k3slab.check.Outcome;
import dev.k3slab.record.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The one place waits are made: each gets an Awaitility factory with the step's name as alias, its
 * bound, its poll interval, no initial delay and a fail-fast condition, and reports every poll to
 * {@link Progress}. The bound is measured on the lab's clock: on the emulated lab each poll moves
 * the clock by the poll interval (so two emulated minutes take milliseconds) and the real-time
 * bound only guards against a stuck emulator. Polls run on the caller's thread (shells are not
 * shared between threads).
 */
final class Waits {
    /** How long an emulated wait may take in real time before it is called stuck. */
    static final Duration EMULATED_GUARD = Duration.ofMinutes(2);

    private final LabTime time;

    Waits(LabTime time) {
        this.time = time;
    }

    /** What a wait ended with. */
    record Result(Verdict verdict, Duration waited, int polls, String message) {
    }

    /** Listens to the polls of one wait. */
    interface Listener {
        void polled(Duration waited, Outcome last);
    }

    /** The factory for one wait, configured as described above; {@code failFast} is read before each poll. */
    ConditionFactory factory(String alias, Duration within, Duration poll, Callable<Boolean> failFast) {
        ConditionFactory f = Awaitility.await(alias)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .atMost(time.emulated() ? EMULATED_GUARD : within.plus(poll))
                .pollInterval(time.emulated() ? Duration.ofMillis(1) : poll);
        return failFast == null ? f : f.failFast("the fail-fast condition holds", failFast);
    }

    /**
     * Polls {@code until} (and {@code failFast}, may be null) until it holds or {@code within} has
     * passed on the lab's clock. PASS when it held; FAIL when the bound passed with the condition
     * seen false, or the fail-fast condition held; UNKNOWN when the last poll could not observe.
     */
    Result await(String alias, Duration within, Duration poll, Supplier<Outcome> until, Supplier<Outcome> failFast,
                 Listener listener) {
        Instant start = time.now();
        Poller p = new Poller(start, within, poll, until, failFast, listener);
        try {
            factory(alias, within, poll, failFast == null ? null : () -> p.failFastHeld).until(p);
            return new Result(Verdict.PASS, p.waited(), p.polls, "held after " + Durations.format(p.waited())
                    + (p.last == null ? "" : ": " + p.last.observed()));
        } catch (TerminalFailureException e) {
            return new Result(Verdict.FAIL, p.waited(), p.polls, "the fail-fast condition held after "
                    + Durations.format(p.waited()) + ": " + p.lastFailFast.observed());
        } catch (ConditionTimeoutException | LabBoundPassed e) {
            boolean unknown = p.last != null && p.last.verdict() == Verdict.UNKNOWN;
            boolean stuck = time.emulated() && !(e instanceof LabBoundPassed);
            String how = stuck ? " (real time ran out before the lab's clock did: is the emulated lab stuck?)" : "";
            return new Result(unknown || stuck ? Verdict.UNKNOWN : Verdict.FAIL,
                    p.waited(), p.polls, "did not hold within " + Durations.format(within) + how + "; last seen: "
                    + (p.last == null ? "nothing" : p.last.observed()));
        }
    }

    /** Thrown by a poll when the bound has passed on the emulated clock. */
    private static final class LabBoundPassed extends RuntimeException {
        LabBoundPassed() {
            super(null, null, false, false);
        }
    }

    private final class Poller implements Callable<Boolean> {
        final Instant start;
        final Duration within;
        final Duration poll;
        final Supplier<Outcome> until;
        final Supplier<Outcome> failFast;
        final Listener listener;
        int polls;
        Outcome last;
        Outcome lastFailFast;
        volatile boolean failFastHeld;

        Poller(Instant start, Duration within, Duration poll, Supplier<Outcome> until, Supplier<Outcome> failFast, Listener listener) {
            this.start = start;
            this.within = within;
            this.poll = poll;
            this.until = until;
            this.failFast = failFast;
            this.listener = listener;
        }

        Duration waited() {
            return Duration.between(start, time.now());
        }

        @Override
        public Boolean call() {
            if (time.emulated() && polls > 0) {
                if (waited().plus(poll).compareTo(within) > 0) {
                    throw new LabBoundPassed();
                }
                time.pass(poll);
            }
            polls++;
            last = until.get();
            if (last.verdict() != Verdict.PASS && failFast != null) {
                lastFailFast = failFast.get();
                failFastHeld = lastFailFast.verdict() == Verdict.PASS;
            }
            listener.polled(waited(), last);
            return last.verdict() == Verdict.PASS;
        }
    }
}
