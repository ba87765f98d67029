package dev.k3slab.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One experiment as a scenario file states it: the state it starts from (the scenarios it
 * requires), its variables and its steps. Immutable; built only by {@link ScenarioLoader}, which
 * has validated it against the topology and the other scenarios.
 *
 * @param id          e.g. {@code 4b}
 * @param title       e.g. "etcd WAL deleted: cp-3 starts a second cluster"
 * @param description what the experiment does and why, in words
 * @param file        the file it was loaded from, as named to the loader
 * @param requires    the scenarios whose end state this one starts from (it starts after the last of them)
 * @param vars        its variables, resolved
 * @param steps       its steps, in order
 * @param extendsId   the scenario whose steps it reuses, or null
 */
public record Scenario(String id, String title, String description, String file, List<String> requires,
                       Map<String, String> vars, List<Step> steps, String extendsId) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        requires = List.copyOf(requires);
        vars = Map.copyOf(vars);
        steps = List.copyOf(steps);
    }

    /** "4b — etcd WAL deleted: cp-3 starts a second cluster", the way reports and test names show it. */
    public String displayName() {
        return id + " — " + title;
    }

    /** The names captured by this scenario's steps ({@code capture:}). */
    public List<String> captures() {
        return steps.stream().filter(s -> s instanceof Step.Run r && r.capture() != null)
                .map(s -> ((Step.Run) s).capture()).toList();
    }
}
