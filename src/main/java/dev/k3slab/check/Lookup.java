package dev.k3slab.check;

import dev.k3slab.record.ObservationRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The observations a verdict or a boot case reads, each looked up once in reference order, up to
 * the first one that was not made or is unusable ({@link #problem()} then says which and why).
 */
final class Lookup {
    private final List<Observed> used = new ArrayList<>();
    private final Map<String, Observed> byReference = new HashMap<>();
    private String problem;

    private Lookup() {
    }

    static Lookup of(List<String> references, Observations observations) {
        Lookup l = new Lookup();
        for (String ref : references) {
            Optional<Observed> o = observations.find(ref);
            if (o.isEmpty() || !o.get().record().usable()) {
                l.problem = o.isEmpty() ? "observation '" + ref + "' was not made in this run"
                        : "observation '" + ref + "' is unusable: " + o.get().record().problem();
                return l;
            }
            l.used.add(o.get());
            l.byReference.put(ref, o.get());
        }
        return l;
    }

    /** Why the observations cannot be judged, or null when every one was found and is usable. */
    String problem() {
        return problem;
    }

    /** The observations found, in reference order (the evidence of a FAIL or UNKNOWN). */
    List<Observed> used() {
        return used;
    }

    /** The record a reference names; null for a null reference (an optional one the spec leaves out). */
    ObservationRecord record(String reference) {
        return reference == null ? null : byReference.get(reference).record();
    }
}
