package dev.k3slab.scenario;

import dev.k3slab.check.Condition;
import dev.k3slab.check.ObservationKind;
import dev.k3slab.yaml.Binder;
import dev.k3slab.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Binds the {@code steps:} of one scenario: each step has a {@code name} and exactly one kind key;
 * the other keys it may carry depend on the kind. Every problem is collected; a step with problems
 * is left out and the scenario is refused as a whole by the loader.
 */
final class StepBinder {
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    static final Duration BACKGROUND_TIMEOUT = Duration.ofSeconds(30);
    static final Duration REBOOT_TIMEOUT = Duration.ofMinutes(10);
    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration MONITOR_EVERY = Duration.ofSeconds(5);

    /** Each kind with the keys its steps may carry besides {@code name} and the kind key itself. */
    static final Map<String, Set<String>> KINDS = kinds();

    private final StepFields f;
    private final Binder b;
    private final CheckBinder checks;

    StepBinder(StepFields fields) {
        this.f = fields;
        this.b = fields.binder();
        this.checks = new CheckBinder(fields);
    }

    private static Map<String, Set<String>> kinds() {
        Map<String, Set<String>> k = new LinkedHashMap<>();
        k.put("run", Set.of("on", "expect-exit", "expect-output", "timeout", "capture", "secret"));
        k.put("background", Set.of("on", "log", "timeout", "pid-file"));
        k.put("reboot", Set.of("timeout"));
        k.put("edit-unit", Set.of("delete-flag", "unit", "daemon-reload"));
        k.put("wait", Set.of("within", "poll", "fail-fast"));
        k.put("hold", Set.of());
        k.put("observe", Set.of("from", "as", "path", "unit"));
        k.put("monitor", Set.of("on", "every"));
        k.putAll(CheckBinder.KINDS);
        return k;
    }

    List<Step> bind(List<YamlNode> items, int firstIndex) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            bindOne(items.get(i), firstIndex + i).ifPresent(steps::add);
        }
        return steps;
    }

    private Optional<Step> bindOne(YamlNode node, int index) {
        if (!b.expectMapping(node, "a step")) {
            return Optional.empty();
        }
        List<String> kinds = node.entries().keySet().stream().filter(KINDS::containsKey).toList();
        if (kinds.size() != 1) {
            b.problem(node, kinds.isEmpty()
                    ? "a step needs exactly one kind key, one of " + String.join(", ", KINDS.keySet()) + "; found keys "
                            + String.join(", ", node.entries().keySet())
                    : "a step has one kind, this one has " + kinds.size() + " (" + String.join(", ", kinds) + "): split it into steps");
            return Optional.empty();
        }
        String kind = kinds.get(0);
        List<String> allowed = new ArrayList<>(KINDS.get(kind));
        allowed.addAll(Arrays.asList("name", kind));
        int before = b.problems().size();
        b.allowOnly(node, allowed);
        Optional<String> name = f.text(node, "name", true);
        Step.Header h = new Step.Header(index, name.orElse(""), node.file(), node.line(), node.path());
        Optional<Step> step = switch (kind) {
            case "run" -> run(node, h);
            case "background" -> background(node, h);
            case "reboot" -> f.node(node, "reboot", true).flatMap(n ->
                    f.duration(node, "timeout", REBOOT_TIMEOUT).map(t -> new Step.Reboot(h, n, t)));
            case "edit-unit" -> editUnit(node, h);
            case "wait" -> waitStep(node, h);
            case "hold" -> f.duration(node, "hold", null).map(d -> new Step.Hold(h, d));
            case "observe" -> observe(node, h);
            case "monitor" -> monitor(node, h);
            default -> checks.bind(kind, node, h);
        };
        return b.problems().size() == before ? step : Optional.empty();
    }

    private Optional<Step> run(YamlNode node, Step.Header h) {
        Optional<String> on = f.node(node, "on", true);
        Optional<String> command = f.command(node, "run");
        Optional<Duration> timeout = f.duration(node, "timeout", RUN_TIMEOUT);
        OptionalInt exit = expectExit(node);
        Optional<String> output = f.text(node, "expect-output", false);
        Optional<String> capture = f.text(node, "capture", false);
        boolean secret = b.bool(node, "secret", false).orElse(false);
        if (secret) {
            secretRules(node, capture.isPresent(), exit);
        }
        if (on.isEmpty() || command.isEmpty() || timeout.isEmpty() || exit == null) {
            return Optional.empty();
        }
        return Optional.of(new Step.Run(h, on.get(), command.get(), exit, output.orElse(null), timeout.get(),
                capture.orElse(null), secret));
    }

    /**
     * A secret is read in clear only to be kept in a run variable, and only when the command exits 0
     * ({@code NodeShell.readSecret}); its output is never compared with anything.
     */
    private void secretRules(YamlNode node, boolean captured, OptionalInt exit) {
        YamlNode at = node.get("secret").orElseThrow();
        if (!captured) {
            b.problem(at, "secret: true needs capture: a secret is read only to keep it in a run variable");
        }
        node.get("expect-output").ifPresent(n -> b.problem(n, "a secret's output is never compared: drop expect-output"
                + " (the read fails unless the command exits 0)"));
        if (exit != null && (exit.isEmpty() || exit.getAsInt() != 0)) {
            b.problem(node.get("expect-exit").orElseThrow(), "a secret is read only from a command that exits 0: drop expect-exit");
        }
    }

    /** {@code 0} (the default), a status, or {@code any}; null when it is neither. */
    private OptionalInt expectExit(YamlNode node) {
        Optional<YamlNode> n = b.field(node, "expect-exit", false);
        if (n.isEmpty()) {
            return OptionalInt.of(0);
        }
        if (n.get().isScalar() && n.get().scalar().equals("any")) {
            return OptionalInt.empty();
        }
        if (n.get().isScalar() && n.get().scalar().matches("[0-9]{1,3}") && Integer.parseInt(n.get().scalar()) <= 255) {
            return OptionalInt.of(Integer.parseInt(n.get().scalar()));
        }
        b.problem(n.get(), "expected an exit status from 0 to 255, or any; found " + n.get().describe());
        return null;
    }

    private Optional<Step> background(YamlNode node, Step.Header h) {
        Optional<String> on = f.node(node, "on", true);
        Optional<String> command = f.command(node, "background");
        Optional<String> log = f.text(node, "log", true);
        Optional<Duration> timeout = f.duration(node, "timeout", BACKGROUND_TIMEOUT);
        Optional<String> pidFile = f.text(node, "pid-file", false);
        for (String key : new String[] {"log", "pid-file"}) {
            Optional<String> path = key.equals("log") ? log : pidFile;
            if (path.isPresent() && !path.get().startsWith("/")) {
                b.problem(node.get(key).orElseThrow(), key + " must be an absolute path on the node, e.g. /var/log/k3s-lab-server.log");
                return Optional.empty();
            }
        }
        if (on.isEmpty() || command.isEmpty() || log.isEmpty() || timeout.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step.Background(h, on.get(), command.get(), log.get(), timeout.get(), pidFile.orElse(null)));
    }

    private Optional<Step> editUnit(YamlNode node, Step.Header h) {
        Optional<String> target = f.node(node, "edit-unit", true);
        Optional<String> flag = f.text(node, "delete-flag", true);
        Optional<String> unit = f.text(node, "unit", false);
        boolean reload = b.bool(node, "daemon-reload", false).orElse(true);
        if (flag.isPresent() && !flag.get().matches("--[a-z][a-z0-9-]*")) {
            b.problem(node.get("delete-flag").orElseThrow(), "expected a long flag such as --server, found '" + flag.get() + "'");
            return Optional.empty();
        }
        if (target.isEmpty() || flag.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step.EditUnit(h, target.get(), unit.orElse("k3s"), flag.get(), reload));
    }

    private Optional<Step> waitStep(YamlNode node, Step.Header h) {
        Optional<Condition> until = condition(node, "wait", true);
        Optional<Duration> within = f.duration(node, "within", null);
        Optional<Duration> poll = f.duration(node, "poll", POLL);
        Optional<Condition> failFast = b.field(node, "fail-fast", false).isPresent()
                ? condition(node, "fail-fast", false) : Optional.empty();
        if (until.isEmpty() || within.isEmpty() || poll.isEmpty()
                || (node.get("fail-fast").isPresent() && failFast.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Step.Wait(h, until.get(), within.get(), poll.get(), failFast.orElse(null)));
    }

    private Optional<Condition> condition(YamlNode node, String key, boolean required) {
        Optional<YamlNode> n = b.field(node, key, required);
        Optional<String> text = n.flatMap(f::text);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Condition> c = Condition.parse(text.get());
        if (c.isEmpty()) {
            b.problem(n.get(), "'" + text.get() + "' is not a condition; write one of: " + String.join("; ", Condition.shapes()));
            return Optional.empty();
        }
        for (String name : c.get().nodes()) {
            if (f.unknownNode(name)) {
                b.problem(n.get(), "unknown node '" + name + "' in condition '" + text.get() + "'; nodes of the topology: "
                        + String.join(", ", f.nodeNames()));
                return Optional.empty();
            }
        }
        return c;
    }

    private Optional<Step> observe(YamlNode node, Step.Header h) {
        Optional<ObservationKind> what = b.field(node, "observe", true).flatMap(n -> {
            Optional<ObservationKind> k = n.isScalar() ? ObservationKind.of(n.scalar()) : Optional.empty();
            if (k.isEmpty()) {
                b.problem(n, "expected one of " + String.join(", ", Arrays.stream(ObservationKind.values())
                        .map(ObservationKind::word).toList()) + "; found " + n.describe());
            }
            return k;
        });
        Optional<String> from = f.node(node, "from", true);
        Optional<String> as = f.text(node, "as", true);
        Optional<String> path = f.text(node, "path", false);
        Optional<String> unit = f.text(node, "unit", false);
        if (as.isPresent() && !as.get().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            b.problem(node.get("as").orElseThrow(), "an observation name is one word of letters, digits, '.', '_' or '-'; found '"
                    + as.get() + "'");
            return Optional.empty();
        }
        if (what.isPresent() && (what.get() == ObservationKind.FILES) != path.isPresent()) {
            b.problem(node, what.get() == ObservationKind.FILES ? "observe: files needs a path (the folder to list)"
                    : "path: is only for observe: files");
            return Optional.empty();
        }
        if (what.isPresent() && unit.isPresent() && what.get() != ObservationKind.UNIT) {
            b.problem(node, "unit: is only for observe: unit");
            return Optional.empty();
        }
        if (what.isEmpty() || from.isEmpty() || as.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step.Observe(h, what.get(), from.get(), as.get(), path.orElse(null), unit.orElse("k3s")));
    }

    private Optional<Step> monitor(YamlNode node, Step.Header h) {
        Optional<String> action = f.text(node, "monitor", true);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        if (!action.get().equals("start") && !action.get().equals("stop")) {
            b.problem(node.get("monitor").orElseThrow(), "expected start or stop, found '" + action.get() + "'");
            return Optional.empty();
        }
        boolean start = action.get().equals("start");
        Optional<String> on = f.node(node, "on", start);
        Optional<Duration> every = f.duration(node, "every", MONITOR_EVERY);
        if (!start && (node.get("on").isPresent() || node.get("every").isPresent())) {
            b.problem(node, "monitor: stop takes no on: or every: (it stops the monitor that is running)");
            return Optional.empty();
        }
        if ((start && on.isEmpty()) || every.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step.Monitor(h, start, on.orElse(null), every.get()));
    }
}
