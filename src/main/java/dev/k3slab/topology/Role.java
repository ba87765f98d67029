package dev.k3slab.topology;

/** What K3s runs on a lab node: a server (control plane) or an agent (worker). */
public enum Role {
    SERVER,
    AGENT;

    /** The spelling used in topology.yaml and in the K3s install command ({@code server}, {@code agent}). */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
