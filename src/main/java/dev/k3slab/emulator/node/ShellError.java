package dev.k3slab.emulator.node;

/**
 * An error that ends the shell running the script (an unset parameter under {@code set -u}, a
 * failed redirection of a special builtin): the message is printed and the shell exits with
 * {@code status}.
 */
final class ShellError extends RuntimeException {
    private final int status;

    ShellError(String message, int status) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
