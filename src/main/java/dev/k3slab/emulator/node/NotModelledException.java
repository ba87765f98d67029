package dev.k3slab.emulator.node;

/**
 * Something real Ubuntu would do that the emulated node does not model (a {@code while} loop, an
 * editor, a reboot from inside the node). The interpreter prints
 * {@code not modelled by the emulated lab: <what>} and ends the command with status 127.
 */
final class NotModelledException extends RuntimeException {
    static final String PREFIX = "not modelled by the emulated lab: ";
    static final int STATUS = 127;

    NotModelledException(String what) {
        super(PREFIX + what);
    }
}
