package dev.k3slab.check;

import java.util.Locale;

/**
 * What an observation looks at from one node, and the command behind it.
 */
public enum ObservationKind {
    /** {@code kubectl get nodes -o wide}. */
    NODES,
    /** {@code etcdctl member list -w table}. */
    MEMBERS,
    /** {@code etcdctl endpoint status -w table}. */
    STATUS,
    /** {@code etcdctl endpoint health -w table}. */
    HEALTH,
    /** {@code ls -al} of {@code server/db/} and {@code server/db/etcd/}. */
    LAYOUT,
    /** {@code systemctl cat <unit>} and its env file. */
    UNIT,
    /** {@code ls -al <path>}. */
    FILES;

    /** How it is written in scenarios and records: {@code nodes}, {@code members}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written as {@code word}, if any. */
    public static java.util.Optional<ObservationKind> of(String word) {
        for (ObservationKind k : values()) {
            if (k.word().equals(word)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
