package dev.k3slab.shell;

/**
 * A command could not be run at all on a node: the connection failed, authentication failed, the
 * host key changed. The message names the node, what was attempted and the likely fix.
 */
public class ShellException extends RuntimeException {
    private final String node;

    public ShellException(String node, String message, Throwable cause) {
        super(node + ": " + message, cause);
        this.node = node;
    }

    public ShellException(String node, String message) {
        this(node, message, null);
    }

    public String node() {
        return node;
    }
}
