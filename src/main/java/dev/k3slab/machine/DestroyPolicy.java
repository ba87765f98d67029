package dev.k3slab.machine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What happens to a run's machines when the run ends ({@code --destroy always|never|on-success}).
 * The default keeps the machines of a failed run for a look inside and destroys them after a
 * successful one.
 */
public enum DestroyPolicy {
    ALWAYS, NEVER, ON_SUCCESS;

    public static final DestroyPolicy DEFAULT = ON_SUCCESS;

    /** True when the machines should be destroyed after a run that succeeded or not. */
    public boolean destroyAfter(boolean runSucceeded) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case ON_SUCCESS -> runSucceeded;
        };
    }

    /** The option spelling: {@code always}, {@code never}, {@code on-success}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The policy for an option value; throws naming the allowed values otherwise. */
    public static DestroyPolicy parse(String word) {
        for (DestroyPolicy p : values()) {
            if (p.word().equals(word)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown destroy policy '" + word + "'; allowed: "
                + Arrays.stream(values()).map(DestroyPolicy::word).collect(Collectors.joining(", ")));
    }
}
