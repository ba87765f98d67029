package dev.k3slab.check;

/** The operands a check may carry, as written in a scenario step. */
public enum Operand {
    /** The node the relation is about. */
    NODE("node"),
    /** One observation. */
    IN("in"),
    /** Two observations, earlier first. */
    BETWEEN("between"),
    /** The expected value. */
    IS("is"),
    /** File names expected or not expected. */
    FILES("files"),
    /** Node names expected, exactly. */
    NODES("nodes"),
    /** An earlier members observation whose ID for the node must be the same. */
    ID_SAME_AS("id-same-as"),
    /** An earlier members observation whose ID for the node must differ (or be absent). */
    ID_NEW_AGAINST("id-new-against");

    private final String key;

    Operand(String key) {
        this.key = key;
    }

    /** The YAML key. */
    public String key() {
        return key;
    }
}
