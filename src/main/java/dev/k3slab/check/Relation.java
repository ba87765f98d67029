package dev.k3slab.check;

import static dev.k3slab.check.ObservationKind.FILES;
import static dev.k3slab.check.ObservationKind.HEALTH;
import static dev.k3slab.check.ObservationKind.LAYOUT;
import static dev.k3slab.check.ObservationKind.MEMBERS;
import static dev.k3slab.check.ObservationKind.NODES;
import static dev.k3slab.check.ObservationKind.STATUS;
import static dev.k3slab.check.ObservationKind.UNIT;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The relations a check can state. Each names the kind of observation it reads, the operands it
 * needs and the values its {@code is} operand allows. Relations compare observations with each
 * other (kept, new, equal, risen) or with a value a scenario names; never with the figures of the
 * source run.
 */
public enum Relation {
    STATUS_IS("status", Set.of(NODES), req(Operand.NODE, Operand.IN, Operand.IS), opt(), "Ready|NotReady"),
    ROLES_IS("roles", Set.of(NODES), req(Operand.NODE, Operand.IN, Operand.IS), opt(), "[a-z-]+(,[a-z-]+)*|<none>"),
    ROLES_EQUAL("roles-equal", Set.of(NODES), req(Operand.NODE, Operand.BETWEEN), opt(), null),
    AGE_KEPT("age-kept", Set.of(NODES), req(Operand.NODE, Operand.BETWEEN), opt(), null),
    AGE_NEW("age-new", Set.of(NODES), req(Operand.NODE, Operand.BETWEEN), opt(), null),
    NODE_PRESENT("node-present", Set.of(NODES), req(Operand.NODE, Operand.IN), opt(), null),
    NODE_ABSENT("node-absent", Set.of(NODES), req(Operand.NODE, Operand.IN), opt(), null),
    NODES_VISIBLE("nodes-visible", Set.of(NODES), req(Operand.IN, Operand.NODES), opt(), null),
    ALL_READY("all-ready", Set.of(NODES), req(Operand.IN), opt(), null),
    NODES_EQUAL("nodes-equal", Set.of(NODES), req(Operand.BETWEEN), opt(), null),
    NODES_DIFFERENT("nodes-different", Set.of(NODES), req(Operand.BETWEEN), opt(), null),
    APISERVER_REFUSED("apiserver-refused", Set.of(NODES), req(Operand.IN), opt(), null),
    MEMBER_PRESENT("member-present", Set.of(MEMBERS), req(Operand.NODE, Operand.IN), ids(), null),
    MEMBER_ABSENT("member-absent", Set.of(MEMBERS), req(Operand.NODE, Operand.IN), opt(), null),
    MEMBER_LEARNER("member-learner", Set.of(MEMBERS), req(Operand.NODE, Operand.IN), ids(), null),
    MEMBER_VOTER("member-voter", Set.of(MEMBERS), req(Operand.NODE, Operand.IN), ids(), null),
    MEMBERS_COUNT("members-count", Set.of(MEMBERS), req(Operand.IN, Operand.IS), opt(), "[0-9]+"),
    ALL_VOTERS("all-voters", Set.of(MEMBERS), req(Operand.IN), opt(), null),
    TERM_EQUAL("term-equal", Set.of(STATUS), req(Operand.BETWEEN), opt(), null),
    TERM_RISEN("term-risen", Set.of(STATUS), req(Operand.BETWEEN), opt(), null),
    ENDPOINT_LEADER("endpoint-leader", Set.of(STATUS), req(Operand.IN, Operand.IS), opt(), "true|false"),
    ENDPOINT_UNAVAILABLE("endpoint-unavailable", Set.of(STATUS, HEALTH), req(Operand.IN), opt(), null),
    ENDPOINT_HEALTHY("endpoint-healthy", Set.of(HEALTH), req(Operand.IN), opt(), null),
    LAYOUT_IS("layout", Set.of(LAYOUT), req(Operand.IN, Operand.IS), opt(), "sqlite|etcd|migrated|none"),
    DB_HAS("db-has", Set.of(LAYOUT), req(Operand.IN, Operand.FILES), opt(), null),
    DB_LACKS("db-lacks", Set.of(LAYOUT), req(Operand.IN, Operand.FILES), opt(), null),
    JOIN_FLAGS("join-flags", Set.of(UNIT), req(Operand.IN, Operand.IS), opt(), "none|server|cluster-init|cluster-reset"),
    EXEC_START("exec-start", Set.of(UNIT), req(Operand.IN, Operand.IS), opt(), ".+"),
    FILES_HAS("files-has", Set.of(FILES), req(Operand.IN, Operand.FILES), opt(), null),
    FILES_LACKS("files-lacks", Set.of(FILES), req(Operand.IN, Operand.FILES), opt(), null),
    PATH_MISSING("path-missing", Set.of(FILES), req(Operand.IN), opt(), null);

    private final String word;
    private final Set<ObservationKind> reads;
    private final Set<Operand> required;
    private final Set<Operand> optional;
    private final Pattern values;

    Relation(String word, Set<ObservationKind> reads, Set<Operand> required, Set<Operand> optional, String values) {
        this.word = word;
        this.reads = reads;
        this.required = required;
        this.optional = optional;
        this.values = values == null ? null : Pattern.compile(values);
    }

    private static Set<Operand> req(Operand... operands) {
        return Set.copyOf(Arrays.asList(operands));
    }

    private static Set<Operand> opt() {
        return Set.of();
    }

    private static Set<Operand> ids() {
        return Set.of(Operand.ID_SAME_AS, Operand.ID_NEW_AGAINST);
    }

    /** How the relation is written in a scenario, e.g. {@code age-kept}. */
    public String word() {
        return word;
    }

    /** The kinds of observation its operands must name. */
    public Set<ObservationKind> reads() {
        return reads;
    }

    public Set<Operand> required() {
        return required;
    }

    /** Every operand it accepts. */
    public Set<Operand> allowed() {
        EnumSet<Operand> all = EnumSet.noneOf(Operand.class);
        all.addAll(required);
        all.addAll(optional);
        return all;
    }

    /** A problem with the {@code is} value, naming the allowed values; empty when it is fine. */
    public Optional<String> checkValue(String value) {
        if (values == null || values.matcher(value).matches()) {
            return Optional.empty();
        }
        String allowed = values.pattern().contains("|") && !values.pattern().contains("[")
                ? "one of " + values.pattern().replace("|", ", ") : "a value shaped like " + example();
        return Optional.of("'" + value + "' is not a value for " + word + "; expected " + allowed);
    }

    private String example() {
        return switch (this) {
            case ROLES_IS -> "control-plane,etcd,master or <none>";
            case MEMBERS_COUNT -> "a whole number such as 3";
            default -> values.pattern();
        };
    }

    /** The relation written as {@code word}, if any. */
    public static Optional<Relation> of(String word) {
        return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst();
    }

    /** Every relation's word, for messages. */
    public static List<String> words() {
        return Arrays.stream(values()).map(Relation::word).toList();
    }

    @Override
    public String toString() {
        return word;
    }
}
