package dev.k3slab.machine.vagrant;

/** Vagrant's output held an {@code error-exit} record where results were expected. */
public class VagrantErrorException extends RuntimeException {
    private final MachineReadable.ErrorExit error;

    public VagrantErrorException(String what, MachineReadable.ErrorExit error) {
        super(what + " reported " + error.errorClass() + " (line " + error.lineNumber() + "): " + error.message());
        this.error = error;
    }

    public MachineReadable.ErrorExit error() {
        return error;
    }
}
