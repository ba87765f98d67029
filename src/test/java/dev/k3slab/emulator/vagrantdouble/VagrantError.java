package dev.k3slab.emulator.vagrantdouble;

/**
 * A Vagrant error the double raises as Vagrant would: printed as a {@code ui,error} and an
 * {@code error-exit} record, exit status 1.
 */
final class VagrantError extends RuntimeException {
    private final String errorClass;

    /**
     * @param errorClass the class under {@code Vagrant::Errors::}, e.g. {@code MachineNotFound}
     * @param message    Vagrant's text (templates/locales/en.yml of 2.3.4), with its hard line breaks
     */
    VagrantError(String errorClass, String message) {
        super(message, null, false, false);
        this.errorClass = errorClass;
    }

    String errorClass() {
        return errorClass;
    }
}
