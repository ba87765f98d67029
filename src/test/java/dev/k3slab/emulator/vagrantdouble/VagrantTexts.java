package dev.k3slab.emulator.vagrantdouble;

/**
 * Vagrant 2.3.4's texts, verbatim from its templates/locales/en.yml (with their hard line
 * breaks), and the errors the double raises with them.
 */
final class VagrantTexts {
    static final String VERSION = "2.3.4";
    /** What {@code vagrant --version} of the double prints: a version Vagrant had, and what it really is. */
    static final String VERSION_LINE = "Vagrant " + VERSION + " (k3s-lab test double over the emulated lab; no VirtualBox)";

    static final String LISTING = """
            This environment represents multiple VMs. The VMs are all listed
            above with their current state. For more information about a specific
            VM, run `vagrant status NAME`.""";
    static final String VALIDATED = "Vagrantfile validated successfully.";
    static final String NOT_CREATED_MOVING_ON = "VM not created. Moving on...";
    static final String ALREADY_RUNNING = "VirtualBox VM is already running.";
    static final String ALREADY_PROVISIONED = """
            Machine already provisioned. Run `vagrant provision` or use the `--provision`
            flag to force provisioning. Provisioners marked to run always will still run.""";
    static final String NO_PROVISION = "Machine not provisioned because `--no-provision` is specified.";
    static final String SNAPSHOT_SAVED = """
            Snapshot saved! You can restore the snapshot at any time by
            using `vagrant snapshot restore`. You can delete it using
            `vagrant snapshot delete`.""";
    static final String NO_SNAPSHOTS = "No snapshots have been taken yet!";
    static final String NO_SNAPSHOTS_DETAIL = """
            You can take a snapshot using `vagrant snapshot save`. Note that
            not all providers support this yet. Once a snapshot is taken, you
            can list them using this command, and use commands such as
            `vagrant snapshot restore` to go back to a certain snapshot.""";

    private VagrantTexts() {
    }

    /** {@code state-human-long} of a VirtualBox machine state (vagrant.commands.status.*). */
    static String longState(String stateId) {
        return switch (stateId) {
            case "running" -> """
                    The VM is running. To stop this VM, you can run `vagrant halt` to
                    shut it down forcefully, or you can run `vagrant suspend` to simply
                    suspend the virtual machine. In either case, to restart it again,
                    simply run `vagrant up`.""";
            case "poweroff" -> "The VM is powered off. To restart the VM, simply run `vagrant up`";
            case "not_created" -> """
                    The environment has not yet been created. Run `vagrant up` to
                    create the environment. If a machine is not created, only the
                    default provider will be shown. So if a provider is not listed,
                    then the machine is not created for that environment.""";
            default -> "translation missing: en.vagrant.commands.status." + stateId;
        };
    }

    static VagrantError noEnvironment() {
        return new VagrantError("NoEnvironmentError", """
                A Vagrant environment or target machine is required to run this
                command. Run `vagrant init` to create a new Vagrant environment. Or,
                get an ID of a target machine from `vagrant global-status` to run
                this command on. A final option is to change to a directory with a
                Vagrantfile and to try again.""");
    }

    static VagrantError machineNotFound(String name) {
        return new VagrantError("MachineNotFound", "The machine with the name '" + name + "' was not found configured for\n"
                + "this Vagrant environment.");
    }

    static VagrantError sshNotReady() {
        return new VagrantError("SSHNotReady", """
                The provider for this Vagrant-managed machine is reporting that it
                is not yet ready for SSH. Depending on your provider this can carry
                different meanings. Make sure your machine is created and running and
                try again. Additionally, check the output of `vagrant status` to verify
                that the machine is in the state that you expect. If you continue to
                get this error message, please view the documentation for the provider
                you're using.""");
    }

    static VagrantError bootTimeout() {
        return new VagrantError("VMBootTimeout", """
                Timed out while waiting for the machine to boot. This means that
                Vagrant was unable to communicate with the guest machine within
                the configured ("config.vm.boot_timeout" value) time period.

                If you look above, you should be able to see the error(s) that
                Vagrant had when attempting to connect to the machine. These errors
                are usually good hints as to what may be wrong.

                If you're using a custom box, make sure that networking is properly
                working and you're able to connect to the machine. It is a common
                problem that networking isn't setup properly in these boxes.
                Verify that authentication configurations are also setup properly,
                as well.

                If the box appears to be booting properly, you may want to increase
                the timeout ("config.vm.boot_timeout") value.""");
    }

    static VagrantError uiExpectsTty() {
        return new VagrantError("UIExpectsTTY", """
                Vagrant is attempting to interface with the UI in a way that requires
                a TTY. Most actions in Vagrant that require a TTY have configuration
                switches to disable this requirement. Please do that or run Vagrant
                with TTY.""");
    }

    static VagrantError vmNotCreated() {
        return new VagrantError("VMNotCreatedError", "VM must be created before running this command. Run `vagrant up` first.");
    }

    static VagrantError snapshotNotFound(String snapshot, String machine) {
        return new VagrantError("SnapshotNotFound", "The snapshot name `" + snapshot + "` was not found for the\n"
                + "virtual machine `" + machine + "`.");
    }

    static VagrantError snapshotConflict() {
        return new VagrantError("SnapshotConflictFailed", "You must include the `--force` option to replace an existing snapshot.");
    }

    /** An option the command does not have, or a wrong number of arguments; {@code usage} is the command's banner. */
    static VagrantError invalidOptions(String usage) {
        return new VagrantError("CLIInvalidOptions", "An invalid option was specified. The help for this command\n"
                + "is available below.\n\n" + usage);
    }

    static VagrantError invalidUsage(String usage) {
        return new VagrantError("CLIInvalidUsage", "This command was not invoked properly. The help for this command is\n"
                + "available below.\n\n" + usage);
    }
}
