package dev.k3slab.machine;

/**
 * A machine action failed: the message names the command or action, the machine, the exit status
 * and the last lines of output where there were any, and the likely fix.
 */
public class MachineException extends RuntimeException {
    public MachineException(String message) {
        super(message);
    }

    public MachineException(String message, Throwable cause) {
        super(message, cause);
    }
}
