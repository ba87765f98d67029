package dev.k3slab.emulator.vagrantdouble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A failure the double acts out for one machine, as {@code KIND:MACHINE}, several separated by
 * commas ({@code VAGRANT_DOUBLE_FAULT=reload-timeout:cp-2,ssh-dead-after-reload:cp-3}).
 *
 * @param kind    what goes wrong
 * @param machine the machine it goes wrong on
 */
record Fault(Kind kind, String machine) {

    /** The failures the double knows. */
    enum Kind {
        /** {@code vagrant reload} shuts the machine down and never finishes booting it until the caller gives up. */
        RELOAD_TIMEOUT("reload-timeout"),
        /** {@code vagrant up} boots the machine, SSH never answers, Vagrant ends with VMBootTimeout (exit 1). */
        UP_ERROR_EXIT("up-error-exit"),
        /** {@code vagrant reload} succeeds, then the machine's SSH port accepts connections and never answers. */
        SSH_DEAD_AFTER_RELOAD("ssh-dead-after-reload");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    @Override
    public String toString() {
        return kind.word + ":" + machine;
    }

    /** The faults of a specification; blank means none. Throws naming the kinds it knows. */
    static List<Fault> parse(String spec) {
        List<Fault> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split(":", 2);
            Kind kind = Arrays.stream(Kind.values()).filter(k -> k.word.equals(kv[0])).findFirst().orElse(null);
            if (kind == null || kv.length < 2 || kv[1].isBlank()) {
                throw new IllegalArgumentException("vagrant double: cannot read the fault '" + part.strip()
                        + "'; expected KIND:MACHINE with KIND one of "
                        + Arrays.stream(Kind.values()).map(k -> k.word).collect(Collectors.joining(", ")));
            }
            out.add(new Fault(kind, kv[1].strip()));
        }
        return out;
    }
}
