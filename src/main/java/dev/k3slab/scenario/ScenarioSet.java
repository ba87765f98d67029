package dev.k3slab.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validated scenarios in the order they run: every scenario after the ones it requires, ties kept
 * in the order the files were given. Immutable.
 */
public final class ScenarioSet {
    private final List<Scenario> ordered;
    private final Map<String, Scenario> byId;

    private ScenarioSet(List<Scenario> ordered) {
        this.ordered = List.copyOf(ordered);
        Map<String, Scenario> m = new LinkedHashMap<>();
        ordered.forEach(s -> m.put(s.id(), s));
        this.byId = m;
    }

    /** Orders scenarios whose requires are known and acyclic (the loader has checked both). */
    static ScenarioSet of(List<Scenario> scenarios) {
        List<Scenario> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (out.size() < scenarios.size()) {
            boolean progress = false;
            for (Scenario s : scenarios) {
                if (!placed.contains(s.id()) && placed.containsAll(s.requires())) {
                    out.add(s);
                    placed.add(s.id());
                    progress = true;
                    break;
                }
            }
            if (!progress) {
                throw new IllegalStateException("requires form a cycle or name unknown scenarios: " + scenarios);
            }
        }
        return new ScenarioSet(out);
    }

    /** Every scenario, in run order. */
    public List<Scenario> all() {
        return ordered;
    }

    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The ids, in run order. */
    public List<String> ids() {
        return ordered.stream().map(Scenario::id).toList();
    }

    /** Every scenario {@code id} requires, directly or not, in run order. */
    public List<Scenario> prerequisites(String id) {
        Set<String> wanted = new LinkedHashSet<>();
        collect(id, wanted);
        return ordered.stream().filter(s -> wanted.contains(s.id())).toList();
    }

    private void collect(String id, Set<String> into) {
        for (String r : byId.get(id).requires()) {
            if (into.add(r)) {
                collect(r, into);
            }
        }
    }

    /** The scenario whose end state {@code s} starts from (the last of its requires in run order), if any. */
    public Optional<Scenario> startState(Scenario s) {
        return ordered.stream().filter(o -> s.requires().contains(o.id())).reduce((a, b) -> b);
    }
}
