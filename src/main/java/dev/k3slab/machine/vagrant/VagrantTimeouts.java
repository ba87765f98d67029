package dev.k3slab.machine.vagrant;

import java.time.Duration;

/**
 * How long each Vagrant command may run before its process tree is ended.
 *
 * @param upPerMachine    {@code vagrant up NAME} for one machine (box import, boot, provisioning)
 * @param halt            {@code vagrant halt} of the whole lab
 * @param destroy         {@code vagrant destroy -f} of the whole lab
 * @param snapshot        one {@code vagrant snapshot save|restore} of one machine
 * @param query           {@code status}, {@code ssh-config}, {@code snapshot list}, {@code box list}, versions
 * @param settle          how long a machine may take to report {@code running} after a successful up/reload/restore
 * @param pollInterval    how often the state is asked for while settling
 */
public record VagrantTimeouts(Duration upPerMachine, Duration halt, Duration destroy, Duration snapshot,
                              Duration query, Duration settle, Duration pollInterval) {

    /** Values for real VMs on a workstation. */
    public static VagrantTimeouts defaults() {
        return new VagrantTimeouts(Duration.ofMinutes(20), Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofSeconds(60), Duration.ofSeconds(2));
    }

    /** The same timeouts, every one replaced by {@code d} (tests against a fake vagrant). */
    public static VagrantTimeouts all(Duration d, Duration settle, Duration pollInterval) {
        return new VagrantTimeouts(d, d, d, d, d, settle, pollInterval);
    }
}
