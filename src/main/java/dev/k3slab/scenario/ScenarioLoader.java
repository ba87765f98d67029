package dev.k3slab.scenario;

import dev.k3slab.topology.Topology;
import dev.k3slab.yaml.Binder;
import dev.k3slab.yaml.YamlNode;
import dev.k3slab.yaml.YamlProblem;
import dev.k3slab.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads scenario files strictly: unknown keys, wrong types, unknown nodes, bad durations, unknown
 * relations are problems with {@code file:line: path: message}; then {@link ScenarioValidator}
 * checks what spans scenarios (prerequisites, variables, observation references). Every problem
 * of every file is collected; nothing is started before a set loads without problems.
 */
public final class ScenarioLoader {
    static final List<String> KEYS = List.of("id", "title", "description", "requires", "vars", "steps", "extends", "extra-steps");

    private final Topology topology;

    public ScenarioLoader(Topology topology) {
        this.topology = topology;
    }

    /** What loading gave: the ordered set when there was no problem, and every problem. */
    public record Loaded(Optional<ScenarioSet> set, List<YamlProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The scenario files of a folder ({@code *.yaml}, {@code *.yml}, not recursive), by name. */
    public static List<Path> filesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenario folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Loads files (named in messages as given). */
    public Loaded load(List<Path> files) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<YamlProblem> problems = new ArrayList<>();
        for (Path p : files) {
            try {
                texts.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                problems.add(new YamlProblem(p.toString(), 0, "", "cannot read the file: " + e.getMessage()));
            }
        }
        Loaded loaded = loadTexts(texts);
        problems.addAll(loaded.problems());
        return new Loaded(problems.isEmpty() ? loaded.set() : Optional.empty(), problems);
    }

    /** Loads scenario texts by file name, in the given order. */
    public Loaded loadTexts(Map<String, String> texts) {
        List<YamlProblem> problems = new ArrayList<>();
        Map<String, Doc> docs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            YamlReader.read(e.getKey(), e.getValue(), problems).flatMap(root -> header(root, problems)).ifPresent(d -> {
                Doc other = docs.get(d.id);
                if (other != null) {
                    problems.add(d.idNode.problem("duplicate scenario id '" + d.id + "' (also in " + other.root.file() + ")"));
                } else {
                    docs.put(d.id, d);
                }
            });
        }
        List<Scenario> scenarios = new ArrayList<>();
        List<StepFields.RunVarRef> runVarRefs = new ArrayList<>();
        Set<String> built = new HashSet<>();
        // Originals first, so that a scenario extending a broken one is told so once, not given its problems again.
        for (boolean derived : new boolean[] {false, true}) {
            for (Doc d : docs.values()) {
                if ((d.extendsId != null) == derived) {
                    build(d, docs, built, problems, runVarRefs).ifPresent(s -> {
                        scenarios.add(s);
                        built.add(s.id());
                    });
                }
            }
        }
        List<String> fileOrder = new ArrayList<>(docs.keySet());
        scenarios.sort(Comparator.comparingInt(s -> fileOrder.indexOf(s.id())));
        Map<String, List<YamlNode>> requiresNodes = docs.values().stream().collect(LinkedHashMap::new,
                (m, d) -> m.put(d.id, d.requiresNodes), Map::putAll);
        if (problems.isEmpty()) {
            new ScenarioValidator(scenarios, requiresNodes, problems).validate(runVarRefs);
        } else {
            // The steps of a broken file cannot be cross-checked, but a prerequisite that no file
            // provides is a problem whatever else is wrong: report it in the same pass.
            ScenarioValidator.missingPrerequisites(docs.keySet(), requiresNodes, problems);
        }
        return new Loaded(problems.isEmpty() ? Optional.of(ScenarioSet.of(scenarios)) : Optional.empty(), List.copyOf(problems));
    }

    /** The top of one file, before its steps are bound. */
    private static final class Doc {
        YamlNode root;
        String id;
        YamlNode idNode;
        String extendsId;
        YamlNode extendsNode;
        List<YamlNode> requiresNodes = List.of();
    }

    private Optional<Doc> header(YamlNode root, List<YamlProblem> problems) {
        Binder b = new Binder(problems);
        if (!b.expectMapping(root, "a scenario")) {
            return Optional.empty();
        }
        b.allowOnly(root, KEYS);
        Doc d = new Doc();
        d.root = root;
        Optional<YamlNode> id = b.field(root, "id", true);
        Optional<String> idText = id.flatMap(b::string);
        if (idText.isPresent() && !idText.get().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            b.problem(id.get(), "a scenario id is one word of letters, digits, '.', '_' or '-', e.g. 4b; found '" + idText.get() + "'");
            return Optional.empty();
        }
        if (idText.isEmpty()) {
            return Optional.empty();
        }
        d.id = idText.get();
        d.idNode = id.get();
        d.extendsNode = root.get("extends").orElse(null);
        d.extendsId = b.string(root, "extends", false).orElse(null);
        d.requiresNodes = b.list(root, "requires", false);
        return Optional.of(d);
    }

    private Optional<Scenario> build(Doc d, Map<String, Doc> docs, Set<String> built, List<YamlProblem> problems,
                                     List<StepFields.RunVarRef> refs) {
        int before = problems.size();
        Binder b = new Binder(problems);
        Doc base = null;
        if (d.extendsId != null) {
            base = docs.get(d.extendsId);
            if (base == null || base.extendsId != null || base == d) {
                b.problem(d.extendsNode, base == null ? "no scenario has the id '" + d.extendsId + "'; known: "
                        + String.join(", ", docs.keySet()) : "extends '" + d.extendsId + "', which itself extends '"
                        + base.extendsId + "'; extend the original scenario instead");
                return Optional.empty();
            }
            if (!built.contains(base.id)) {
                b.problem(d.extendsNode, "extends '" + base.id + "', which has problems of its own (see " + base.root.file() + ")");
                return Optional.empty();
            }
            if (d.root.get("steps").isPresent()) {
                b.problem(d.root.get("steps").orElseThrow(), "a scenario that extends another takes its steps; add steps with extra-steps:");
            }
        } else if (d.root.get("extra-steps").isPresent()) {
            b.problem(d.root.get("extra-steps").orElseThrow(), "extra-steps: is only for a scenario that extends another (extends: <id>)");
        }
        Map<String, String> vars = ScenarioVars.resolve(base == null ? null : base.root, d.root, topology, b);
        StepFields fields = new StepFields(d.id, b, topology, vars);
        String title = fields.text(d.root, "title", true).orElse(null);
        String description = fields.text(d.root, "description", false).orElse("");
        List<String> requires = new ArrayList<>();
        List<YamlNode> reqNodes = d.root.get("requires").isPresent() || base == null ? d.requiresNodes : base.requiresNodes;
        for (YamlNode r : reqNodes) {
            b.string(r).ifPresent(requires::add);
        }
        if (d.root.get("requires").isEmpty() && base != null) {
            d.requiresNodes = base.requiresNodes;
        }
        List<Step> steps = new ArrayList<>();
        if (base != null) {
            steps.addAll(baseSteps(base, d, vars, problems, refs));
            steps.addAll(stepsOf(d.root, "extra-steps", steps.size(), fields, false));
        } else {
            steps.addAll(stepsOf(d.root, "steps", 0, fields, true));
        }
        refs.addAll(fields.runVarRefs());
        if (problems.size() > before) {
            return Optional.empty();
        }
        Map<String, String> own = new LinkedHashMap<>(vars);
        own.keySet().removeAll(BuiltInVars.of(topology).keySet());
        return Optional.of(new Scenario(d.id, title, description, d.root.file(), requires, own, steps, d.extendsId));
    }

    private List<Step> stepsOf(YamlNode root, String key, int first, StepFields fields, boolean required) {
        List<YamlNode> items = fields.binder().list(root, key, required);
        if (required && items.isEmpty() && root.get(key).isPresent() && root.get(key).orElseThrow().isSequence()) {
            fields.binder().problem(root.get(key).orElseThrow(), "a scenario needs at least one step");
        }
        return new StepBinder(fields).bind(items, first);
    }

    /** The base's steps bound with the derived scenario's variables; problems name the derived file too. */
    private List<Step> baseSteps(Doc base, Doc d, Map<String, String> vars, List<YamlProblem> problems,
                                 List<StepFields.RunVarRef> refs) {
        List<YamlProblem> own = new ArrayList<>();
        StepFields fields = new StepFields(d.id, new Binder(own), topology, vars);
        List<Step> steps = stepsOf(base.root, "steps", 0, fields, true);
        for (YamlProblem p : own) {
            problems.add(new YamlProblem(p.file(), p.line(), p.path(), p.message() + " (with the vars of " + d.root.file() + ")"));
        }
        refs.addAll(fields.runVarRefs());
        return steps;
    }
}
