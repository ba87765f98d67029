package dev.k3slab.emulator.k3s;

/**
 * Thrown inside the model when a command, flag or situation is outside what the model covers.
 * The program that catches it prints {@code not modelled by the emulated lab: <what>} and exits 127.
 */
final class NotModelled extends RuntimeException {
    static final int EXIT = 127;

    NotModelled(String what) {
        super(what);
    }

    String line() {
        return "not modelled by the emulated lab: " + getMessage();
    }
}
