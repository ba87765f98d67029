package dev.k3slab.shell;

/**
 * Hands out the shell of each lab node: one per node, created on first use and reused afterwards,
 * so that every command to a node goes over the same connection. Closing the factory closes every
 * shell it handed out.
 */
public interface ShellFactory extends AutoCloseable {

    /** The shell of {@code node}; the same instance on every call until {@link #close}. */
    NodeShell shell(String node);

    @Override
    void close();
}
