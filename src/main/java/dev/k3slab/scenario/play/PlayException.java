package dev.k3slab.scenario.play;

/** The play could not go on: a wait ran out of lab time, or a command could not be sent. */
public final class PlayException extends RuntimeException {
    public PlayException(String message) {
        super(message);
    }
}
