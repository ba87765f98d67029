package dev.k3slab.emulator.node;

/** {@code exit N} or {@code set -e} after a failure: unwinds the running shell with a status. */
final class ExitRequest extends RuntimeException {
    private final int status;

    ExitRequest(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
