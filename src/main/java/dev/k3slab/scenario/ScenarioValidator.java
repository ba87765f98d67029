package dev.k3slab.scenario;

import dev.k3slab.check.ObservationKind;
import dev.k3slab.yaml.YamlNode;
import dev.k3slab.yaml.YamlProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules that span steps and scenarios: prerequisites that exist and form no cycle, run
 * variables captured before they are used, observations made (under one name, of the right kind)
 * before a check reads them, monitors started before they are stopped.
 */
final class ScenarioValidator {
    private final Map<String, Scenario> byId = new LinkedHashMap<>();
    private final Map<String, List<YamlNode>> requiresNodes;
    private final List<YamlProblem> problems;

    ScenarioValidator(List<Scenario> scenarios, Map<String, List<YamlNode>> requiresNodes, List<YamlProblem> problems) {
        scenarios.forEach(s -> byId.put(s.id(), s));
        this.requiresNodes = requiresNodes;
        this.problems = problems;
    }

    void validate(List<StepFields.RunVarRef> runVarRefs) {
        boolean chainOk = prerequisites();
        for (Scenario s : byId.values()) {
            observations(s, chainOk);
            monitors(s);
        }
        if (chainOk) {
            runVariables(runVarRefs);
        }
    }

    private boolean prerequisites() {
        if (!missingPrerequisites(byId.keySet(), requiresNodes, problems)) {
            return false;
        }
        boolean ok = true;
        Set<String> reported = new LinkedHashSet<>();
        for (Scenario s : byId.values()) {
            Optional<List<String>> cycle = cycleFrom(s.id(), new ArrayList<>());
            if (cycle.isPresent() && reported.add(Set.copyOf(cycle.get()).toString())) {
                List<YamlNode> nodes = requiresNodes.getOrDefault(s.id(), List.of());
                YamlProblem at = nodes.isEmpty() ? new YamlProblem(s.file(), 0, "requires", "")
                        : nodes.get(0).problem("");
                problems.add(new YamlProblem(at.file(), at.line(), "requires",
                        "cycle in requires: " + String.join(" -> ", cycle.get()) + "; a scenario cannot start from its own end state"));
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Reports every {@code requires} entry that names no known scenario.
     *
     * @return true when there is none
     */
    static boolean missingPrerequisites(Set<String> knownIds, Map<String, List<YamlNode>> requiresNodes,
                                        List<YamlProblem> problems) {
        boolean ok = true;
        for (List<YamlNode> nodes : requiresNodes.values()) {
            for (YamlNode r : nodes) {
                if (r.isScalar() && !knownIds.contains(r.scalar())) {
                    problems.add(r.problem("missing prerequisite '" + r.scalar() + "': no scenario has that id; known: "
                            + String.join(", ", knownIds)));
                    ok = false;
                }
            }
        }
        return ok;
    }

    private Optional<List<String>> cycleFrom(String id, List<String> path) {
        if (path.contains(id)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return path.indexOf(id) == 0 ? Optional.of(cycle) : Optional.empty();
        }
        path.add(id);
        for (String r : byId.get(id).requires()) {
            Optional<List<String>> c = cycleFrom(r, path);
            if (c.isPresent()) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        return Optional.empty();
    }

    /** Every scenario {@code id} requires, directly or not. */
    private Set<String> prerequisitesOf(String id) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(byId.get(id).requires());
        while (!todo.isEmpty()) {
            String r = todo.remove(0);
            if (out.add(r) && byId.containsKey(r)) {
                todo.addAll(byId.get(r).requires());
            }
        }
        return out;
    }

    private static Map<String, Step.Observe> observesOf(Scenario s) {
        Map<String, Step.Observe> out = new HashMap<>();
        s.steps().stream().filter(Step.Observe.class::isInstance).map(Step.Observe.class::cast)
                .forEach(o -> out.putIfAbsent(o.as(), o));
        return out;
    }

    private void observations(Scenario s, boolean chainOk) {
        Map<String, Step.Observe> made = new LinkedHashMap<>();
        Map<String, Step.Observe> all = observesOf(s);
        for (Step step : s.steps()) {
            if (step instanceof Step.Observe o) {
                Step.Observe earlier = made.putIfAbsent(o.as(), o);
                if (earlier != null) {
                    problem(step, "as", "observation '" + o.as() + "' is already made at line " + earlier.header().line()
                            + "; give each observation its own name");
                }
                continue;
            }
            for (ObservationRefs.Ref ref : ObservationRefs.of(step)) {
                if (ref.scenario() != null) {
                    if (chainOk) {
                        qualified(s, step, ref);
                    }
                    continue;
                }
                Step.Observe o = made.get(ref.name());
                if (o == null) {
                    Step.Observe later = all.get(ref.name());
                    problem(step, ref.key(), later != null
                            ? "observation '" + ref.name() + "' is made only later (line " + later.header().line() + "); observe before checking"
                            : "observation '" + ref.name() + "' is not made in " + s.id() + " before this step; observations made so far: "
                                    + (made.isEmpty() ? "none" : String.join(", ", made.keySet())));
                } else {
                    kind(step, ref, o);
                }
            }
        }
    }

    private void qualified(Scenario s, Step step, ObservationRefs.Ref ref) {
        if (!prerequisitesOf(s.id()).contains(ref.scenario())) {
            problem(step, ref.key(), "observation '" + ref.name() + "' points into scenario '" + ref.scenario()
                    + "', which " + s.id() + " does not require; only a prerequisite's observations can be read");
            return;
        }
        Step.Observe o = observesOf(byId.get(ref.scenario())).get(ref.local());
        if (o == null) {
            problem(step, ref.key(), "scenario " + ref.scenario() + " makes no observation '" + ref.local() + "'; it makes: "
                    + String.join(", ", observesOf(byId.get(ref.scenario())).keySet()));
        } else {
            kind(step, ref, o);
        }
    }

    private void kind(Step step, ObservationRefs.Ref ref, Step.Observe o) {
        if (!ref.kinds().contains(o.what())) {
            problem(step, ref.key(), "observation '" + ref.name() + "' is a " + o.what().word() + " observation (line "
                    + o.header().line() + "); " + ref.key() + " here reads " + ref.kinds().stream().map(ObservationKind::word)
                    .sorted().collect(Collectors.joining(" or ")) + " observations");
        }
    }

    private void monitors(Scenario s) {
        Step.Monitor running = null;
        for (Step step : s.steps()) {
            if (step instanceof Step.Monitor m) {
                if (m.start() && running != null) {
                    problem(step, "monitor", "a monitor is already running (started at line " + running.header().line() + "); stop it first");
                } else if (!m.start() && running == null) {
                    problem(step, "monitor", "monitor: stop with no monitor running; start one with monitor: start");
                }
                running = m.start() ? m : null;
            }
        }
    }

    private void runVariables(List<StepFields.RunVarRef> refs) {
        for (StepFields.RunVarRef ref : refs) {
            Scenario s = byId.get(ref.scenario());
            int index = s == null ? -1 : stepIndex(s, ref);
            if (index < 0) {
                continue;
            }
            Map<String, String> available = new LinkedHashMap<>();
            for (String p : prerequisitesOf(s.id())) {
                byId.get(p).captures().forEach(c -> available.putIfAbsent(c, p));
            }
            s.steps().stream().limit(index).filter(st -> st instanceof Step.Run r && r.capture() != null)
                    .forEach(st -> available.putIfAbsent(((Step.Run) st).capture(), s.id()));
            if (!available.containsKey(ref.name())) {
                problems.add(new YamlProblem(ref.file(), ref.line(), ref.path(), "unknown variable '" + ref.name()
                        + "'; variables here: the scenario's vars, the built-ins, and run variables captured before this step"
                        + (available.isEmpty() ? " (none)" : " (" + available.entrySet().stream()
                        .map(e -> e.getKey() + " captured by " + e.getValue()).collect(Collectors.joining(", ")) + ")")));
            }
        }
    }

    private static int stepIndex(Scenario s, StepFields.RunVarRef ref) {
        for (Step step : s.steps()) {
            Step.Header h = step.header();
            if (h.file().equals(ref.file()) && ref.path().startsWith(h.path() + ".")) {
                return h.index();
            }
        }
        return -1;
    }

    private void problem(Step step, String key, String message) {
        Step.Header h = step.header();
        problems.add(new YamlProblem(h.file(), h.line(), h.path() + "." + key, message));
    }
}
