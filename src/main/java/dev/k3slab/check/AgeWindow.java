package dev.k3slab.check;

import dev.k3slab.observe.NodeRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a Node object was created, as far as one AGE reading tells: AGE is truncated to its
 * smallest printed unit ({@code 77m} means at least 77 and less than 78 minutes), so a reading
 * taken at {@code at} places the creation in {@code (earliest, latest]}. Comparing two windows tells
 * whether two readings are of the same Node object (AGE kept) or of a younger one (AGE new),
 * whatever the absolute figures were.
 *
 * @param earliest the creation was after this instant
 * @param latest   the creation was at or before this instant
 */
public record AgeWindow(Instant earliest, Instant latest) {

    /**
     * Slack for readings taken on different nodes (their clocks differ by seconds) and for the time
     * between the apiserver computing AGE and the harness reading it.
     */
    static final Duration SLACK = Duration.ofSeconds(5);

    /** The window of a row read at {@code at}; empty for {@code <unknown>} or {@code <invalid>}. */
    public static Optional<AgeWindow> of(NodeRow row, Instant at) {
        String age = row.age();
        if (age == null || age.isEmpty() || age.startsWith("<")) {
            return Optional.empty();
        }
        long unit = unitSeconds(age.charAt(age.length() - 1));
        Instant latest = at.minusSeconds(row.ageSeconds());
        return Optional.of(new AgeWindow(latest.minusSeconds(unit), latest));
    }

    private static long unitSeconds(char last) {
        return switch (last) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            case 'y' -> 365L * 86_400;
            default -> 1;
        };
    }

    /** True when both readings can be of one Node object. */
    public boolean sameObjectAs(AgeWindow other) {
        return !earliest.minus(SLACK).isAfter(other.latest.plus(SLACK))
                && !other.earliest.minus(SLACK).isAfter(latest.plus(SLACK));
    }

    /** True when this object was surely created after {@code other}'s. */
    public boolean youngerThan(AgeWindow other) {
        return earliest.minus(SLACK).isAfter(other.latest.plus(SLACK));
    }

    /** True when this object was surely created after {@code t}. */
    public boolean createdAfter(Instant t) {
        return earliest.plus(SLACK).isAfter(t);
    }
}
