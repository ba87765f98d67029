package dev.k3slab.check;

import java.util.Locale;

/** What a server did when it started, as the boot matrix names it. */
public enum BootOutcome {
    REJOINED("rejoined as the existing member"),
    JOINED("joined as a new member"),
    NEW_SQLITE_CLUSTER("started a new single-node SQLite cluster"),
    NEW_ETCD_CLUSTER("started a new etcd cluster as its first member"),
    NOT_SERVING("does not serve: its apiserver refuses"),
    UNCLASSIFIED("did something the matrix does not name");

    private final String words;

    BootOutcome(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    /** How it is written in scenarios: {@code rejoined}, {@code new-sqlite-cluster}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
