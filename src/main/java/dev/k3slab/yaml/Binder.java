package dev.k3slab.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Strict binding of {@link YamlNode}s to values: unknown keys, missing keys and values of the
 * wrong shape are all collected as problems (never thrown), so that a file is reported with every
 * problem at once. Not thread-safe; one binder per file.
 */
public final class Binder {
    private final List<YamlProblem> problems;

    public Binder(List<YamlProblem> problems) {
        this.problems = problems;
    }

    public List<YamlProblem> problems() {
        return problems;
    }

    public void problem(YamlNode at, String message) {
        problems.add(at.problem(message));
    }

    /**
     * Reports every key of {@code mapping} that is not in {@code allowed}, naming the allowed keys
     * and, for a likely typo, the key probably meant.
     */
    public void allowOnly(YamlNode mapping, Collection<String> allowed) {
        for (String key : mapping.entries().keySet()) {
            if (!allowed.contains(key)) {
                String guess = allowed.stream().filter(a -> likelyTypo(key, a)).findFirst()
                        .map(a -> " (did you mean '" + a + "'?)").orElse("");
                problems.add(new YamlProblem(mapping.file(), mapping.keyLine(key), mapping.childPath(key),
                        "unknown key '" + key + "'" + guess + "; allowed keys here: "
                                + String.join(", ", new TreeSet<>(allowed))));
            }
        }
    }

    /** Same key but for case and '_' for '-', or at most two letters off (an edit distance of 2). */
    static boolean likelyTypo(String typed, String allowed) {
        if (typed.replace('_', '-').equalsIgnoreCase(allowed)) {
            return true;
        }
        return Math.abs(typed.length() - allowed.length()) <= 2 && allowed.length() > 3
                && editDistance(typed, allowed) <= 2;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** True when {@code node} is a mapping; otherwise reports it as {@code what} and returns false. */
    public boolean expectMapping(YamlNode node, String what) {
        if (node.isMapping()) {
            return true;
        }
        problem(node, "expected " + what + " (a mapping of key: value), found " + node.describe());
        return false;
    }

    /** The value under {@code key}; reports it when required and missing. */
    public Optional<YamlNode> field(YamlNode mapping, String key, boolean required) {
        Optional<YamlNode> v = mapping.get(key);
        if (v.isEmpty() && required) {
            problems.add(new YamlProblem(mapping.file(), mapping.line(), mapping.path(),
                    "missing required key '" + key + "'"));
        }
        return v;
    }

    /** A scalar text under {@code key}. */
    public Optional<String> string(YamlNode mapping, String key, boolean required) {
        return field(mapping, key, required).flatMap(this::string);
    }

    /** The text of a scalar node, reported when it is a mapping, a list or empty. */
    public Optional<String> string(YamlNode node) {
        if (node.isScalar()) {
            return Optional.of(node.scalar());
        }
        problem(node, "expected a text value, found " + node.describe());
        return Optional.empty();
    }

    /** An integer within [min, max] under {@code key}. */
    public Optional<Integer> integer(YamlNode mapping, String key, boolean required, int min, int max) {
        return field(mapping, key, required).flatMap(n -> integer(n, min, max));
    }

    public Optional<Integer> integer(YamlNode node, int min, int max) {
        if (node.isScalar()) {
            try {
                int v = Integer.parseInt(node.scalar().trim());
                if (v >= min && v <= max) {
                    return Optional.of(v);
                }
                problem(node, "expected a whole number from " + min + " to " + max + ", found " + v);
                return Optional.empty();
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(node, "expected a whole number from " + min + " to " + max + ", found " + node.describe());
        return Optional.empty();
    }

    /** {@code true} or {@code false} under {@code key}. */
    public Optional<Boolean> bool(YamlNode mapping, String key, boolean required) {
        return field(mapping, key, required).flatMap(n -> {
            if (n.isScalar() && (n.scalar().equals("true") || n.scalar().equals("false"))) {
                return Optional.of(Boolean.parseBoolean(n.scalar()));
            }
            problem(n, "expected true or false, found " + n.describe());
            return Optional.empty();
        });
    }

    /** One of an enum's values, written in lower case with '-' for '_'; reports the allowed spellings. */
    public <E extends Enum<E>> Optional<E> enumValue(YamlNode mapping, String key, boolean required, Class<E> type) {
        return field(mapping, key, required).flatMap(n -> enumValue(n, type));
    }

    public <E extends Enum<E>> Optional<E> enumValue(YamlNode node, Class<E> type) {
        Set<String> allowed = Arrays.stream(type.getEnumConstants()).map(Binder::spelling)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (node.isScalar()) {
            for (E e : type.getEnumConstants()) {
                if (spelling(e).equals(node.scalar())) {
                    return Optional.of(e);
                }
            }
        }
        problem(node, "expected one of " + String.join(", ", allowed) + "; found " + node.describe());
        return Optional.empty();
    }

    /** How an enum constant is written in YAML: {@code NOT_CREATED} as {@code not-created}. */
    public static String spelling(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The items of a list under {@code key}; reports anything that is not a list. */
    public List<YamlNode> list(YamlNode mapping, String key, boolean required) {
        Optional<YamlNode> v = field(mapping, key, required);
        if (v.isEmpty()) {
            return List.of();
        }
        if (!v.get().isSequence()) {
            problem(v.get(), "expected a list, found " + v.get().describe());
            return List.of();
        }
        return new ArrayList<>(v.get().items());
    }
}
