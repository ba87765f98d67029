package dev.k3slab.scenario;

import dev.k3slab.check.BootCaseSpec;
import dev.k3slab.check.BootOutcome;
import dev.k3slab.check.CheckSpec;
import dev.k3slab.check.Operand;
import dev.k3slab.check.Relation;
import dev.k3slab.check.SplitBrainSpec;
import dev.k3slab.yaml.Binder;
import dev.k3slab.yaml.YamlNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Binds the steps that judge: {@code check} (a relation and its operands), {@code verdict} and {@code boot-case}. */
final class CheckBinder {

    static final Map<String, Set<String>> KINDS = kinds();

    private final StepFields f;
    private final Binder b;

    CheckBinder(StepFields fields) {
        this.f = fields;
        this.b = fields.binder();
    }

    private static Map<String, Set<String>> kinds() {
        Map<String, Set<String>> k = new LinkedHashMap<>();
        Set<String> operands = Arrays.stream(Operand.values()).map(Operand::key).collect(Collectors.toSet());
        operands.add("prediction");
        k.put("check", Set.copyOf(operands));
        k.put("verdict", Set.of("node", "inside", "outside", "before", "layout", "expect", "prediction"));
        k.put("boot-case", Set.of("etcd-data", "node", "inside", "outside", "layout", "members", "members-before", "expect"));
        return k;
    }

    Optional<Step> bind(String kind, YamlNode node, Step.Header h) {
        return switch (kind) {
            case "check" -> check(node, h);
            case "verdict" -> verdict(node, h);
            default -> bootCase(node, h);
        };
    }

    private Optional<Step> check(YamlNode node, Step.Header h) {
        Optional<YamlNode> rn = b.field(node, "check", true);
        Optional<Relation> relation = rn.flatMap(f::text).flatMap(word -> {
            Optional<Relation> r = Relation.of(word);
            if (r.isEmpty()) {
                b.problem(rn.get(), "unknown relation '" + word + "'; relations: " + String.join(", ", Relation.words()));
            }
            return r;
        });
        if (relation.isEmpty()) {
            return Optional.empty();
        }
        Relation r = relation.get();
        if (!operandsFit(node, r)) {
            return Optional.empty();
        }
        Optional<String> target = f.node(node, "node", false);
        Optional<String> in = f.text(node, "in", false);
        Optional<List<String>> between = f.texts(node, "between", false);
        Optional<String> is = f.text(node, "is", false);
        Optional<List<String>> files = f.texts(node, "files", false);
        Optional<List<String>> nodes = f.texts(node, "nodes", false);
        Optional<String> same = f.text(node, "id-same-as", false);
        Optional<String> fresh = f.text(node, "id-new-against", false);
        Optional<String> prediction = f.text(node, "prediction", false);
        if (between.isPresent() && node.get("between").isPresent() && between.get().size() != 2) {
            b.problem(node.get("between").orElseThrow(), "between takes two observations, the earlier first; found " + between.get());
            return Optional.empty();
        }
        if (is.isPresent()) {
            Optional<String> bad = r.checkValue(is.get());
            if (bad.isPresent()) {
                b.problem(node.get("is").orElseThrow(), bad.get());
                return Optional.empty();
            }
        }
        if (same.isPresent() && fresh.isPresent()) {
            b.problem(node, "id-same-as and id-new-against contradict each other: keep one");
            return Optional.empty();
        }
        if (nodes.isPresent()) {
            for (String n : nodes.get()) {
                if (f.unknownNode(n)) {
                    b.problem(node.get("nodes").orElseThrow(), "unknown node '" + n + "'; nodes of the topology: "
                            + String.join(", ", f.nodeNames()));
                    return Optional.empty();
                }
            }
        }
        if (between.isEmpty() || files.isEmpty() || nodes.isEmpty()) {
            return Optional.empty();
        }
        List<String> two = between.get();
        return Optional.of(new Step.Check(h, new CheckSpec(h.name(), r, target.orElse(null), in.orElse(null),
                two.isEmpty() ? null : two.get(0), two.isEmpty() ? null : two.get(1), is.orElse(null), files.get(),
                nodes.get(), same.orElse(null), fresh.orElse(null), prediction.orElse(null))));
    }

    /** Reports operands the relation does not take and the ones it needs that are missing. */
    private boolean operandsFit(YamlNode node, Relation r) {
        Set<String> allowed = new HashSet<>();
        r.allowed().forEach(o -> allowed.add(o.key()));
        boolean fits = true;
        for (String key : node.entries().keySet()) {
            boolean operand = Arrays.stream(Operand.values()).anyMatch(o -> o.key().equals(key));
            if (operand && !allowed.contains(key)) {
                b.problem(node.get(key).orElseThrow(), "'" + key + "' is not an operand of " + r.word() + "; it takes "
                        + String.join(", ", r.allowed().stream().map(Operand::key).sorted().toList()));
                fits = false;
            }
        }
        for (Operand o : r.required()) {
            if (node.get(o.key()).isEmpty()) {
                b.problem(node, r.word() + " needs '" + o.key() + "'");
                fits = false;
            }
        }
        return fits;
    }

    private Optional<Step> verdict(YamlNode node, Step.Header h) {
        Optional<String> what = f.text(node, "verdict", true);
        if (what.isPresent() && !what.get().equals("split-brain")) {
            b.problem(node.get("verdict").orElseThrow(), "the only verdict is split-brain; found '" + what.get() + "'");
            return Optional.empty();
        }
        Optional<String> target = f.node(node, "node", true);
        Optional<String> inside = f.text(node, "inside", true);
        Optional<String> outside = f.text(node, "outside", true);
        Optional<String> before = f.text(node, "before", false);
        Optional<String> layout = f.text(node, "layout", false);
        Optional<Boolean> expect = b.bool(node, "expect", true);
        Optional<String> prediction = f.text(node, "prediction", false);
        if (what.isEmpty() || target.isEmpty() || inside.isEmpty() || outside.isEmpty() || expect.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Step.Verdict(h, new SplitBrainSpec(h.name(), target.get(), inside.get(), outside.get(),
                before.orElse(null), layout.orElse(null), expect.get(), prediction.orElse(null))));
    }

    private Optional<Step> bootCase(YamlNode node, Step.Header h) {
        Optional<BootCaseSpec.Command> command = b.enumValue(node, "boot-case", true, BootCaseSpec.Command.class);
        Optional<String> data = f.text(node, "etcd-data", true);
        if (data.isPresent() && !data.get().equals("present") && !data.get().equals("absent")) {
            b.problem(node.get("etcd-data").orElseThrow(), "expected present or absent, found '" + data.get() + "'");
            return Optional.empty();
        }
        Optional<String> target = f.node(node, "node", true);
        Optional<String> inside = f.text(node, "inside", true);
        Optional<String> outside = f.text(node, "outside", false);
        Optional<String> layout = f.text(node, "layout", false);
        Optional<String> members = f.text(node, "members", false);
        Optional<String> before = f.text(node, "members-before", false);
        Optional<BootOutcome> expect = node.get("expect").isPresent()
                ? b.enumValue(node, "expect", false, BootOutcome.class) : Optional.empty();
        if (members.isPresent() != before.isPresent()) {
            b.problem(node, "members and members-before go together: the outcome compares member IDs before and after the start");
            return Optional.empty();
        }
        if (command.isEmpty() || data.isEmpty() || target.isEmpty() || inside.isEmpty()
                || (node.get("expect").isPresent() && expect.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Step.BootCase(h, new BootCaseSpec(h.name(), command.get(), data.get().equals("present"),
                target.get(), inside.get(), outside.orElse(null), layout.orElse(null), members.orElse(null),
                before.orElse(null), expect.orElse(null))));
    }
}
