package dev.k3slab.emulator.vagrantdouble;

/**
 * What Vagrant 2.3.4's VirtualBox provider prints while it creates and boots a machine
 * (plugins/providers/virtualbox/action.rb, action_up and action_boot, texts from en.yml), with
 * the emulated machine's SSH port as the forwarded port.
 */
final class BootLines {
    private final VagrantUi ui;
    private final DoubleLab lab;

    BootLines(VagrantUi ui, DoubleLab lab) {
        this.ui = ui;
        this.lab = lab;
    }

    /** The import of a new machine: a linked clone of the box (the Vagrantfile sets linked_clone). */
    void create(String m) {
        ui.info(m, "Cloning VM...");
        ui.info(m, "Matching MAC address for NAT networking...");
        ui.info(m, "Setting the name of the VM: " + lab.topology.vmName(lab.topology.node(m)));
    }

    /** From clearing the old forwards to "Waiting for machine to boot". */
    void startBooting(String m, int port) {
        ui.info(m, "Clearing any previously set forwarded ports...");
        if (port != 2222) {
            ui.info(m, "Fixed port collision for 22 => 2222. Now on port " + port + ".");
        }
        ui.info(m, "Clearing any previously set network interfaces...");
        ui.info(m, "Preparing network interfaces based on configuration...");
        ui.detail(m, "Adapter 1: nat");
        ui.detail(m, "Adapter 2: hostonly");
        ui.info(m, "Forwarding ports...");
        ui.detail(m, "22 (guest) => " + port + " (host) (adapter 1)");
        ui.info(m, "Running 'pre-boot' VM customizations...");
        ui.info(m, "Booting VM...");
        ui.info(m, "Waiting for machine to boot. This may take a few minutes...");
        ui.detail(m, "SSH address: 127.0.0.1:" + port);
        ui.detail(m, "SSH username: vagrant");
        ui.detail(m, "SSH auth method: private key");
    }

    /** From the first SSH contact to the end of the boot; {@code firstBoot} replaces the insecure key. */
    void finishBooting(String m, boolean firstBoot) {
        if (firstBoot) {
            ui.detail(m, "\nVagrant insecure key detected. Vagrant will automatically replace\n"
                    + "this with a newly generated keypair for better security.");
            ui.detail(m, "\nInserting generated public key within guest...");
            ui.detail(m, "Removing insecure key from the guest if it's present...");
            ui.detail(m, "Key inserted! Disconnecting and reconnecting using new SSH key...");
        }
        ui.info(m, "Machine booted and ready!");
        ui.info(m, "Checking for guest additions in VM...");
        ui.info(m, "Setting hostname...");
        ui.info(m, "Configuring and enabling network interfaces...");
        ui.info(m, "Mounting shared folders...");
        ui.detail(m, "/vagrant => " + lab.vagrantDir);
    }

    /** The provisioners: run on the first boot, skipped later or with {@code --no-provision}. */
    void provision(String m, boolean firstBoot, boolean noProvision) {
        if (noProvision) {
            ui.info(m, VagrantTexts.NO_PROVISION);
        } else if (firstBoot) {
            ui.info(m, "Running provisioner: common (shell)...");
            ui.detail(m, "Running: inline script");
            ui.detail(m, "[✓] Common provisioning done on " + m);
        } else {
            ui.info(m, VagrantTexts.ALREADY_PROVISIONED);
        }
    }

    /** A whole boot of a machine the lab has just booted. */
    void boot(String m, boolean firstBoot, boolean noProvision) {
        startBooting(m, lab.sshPort(m));
        finishBooting(m, firstBoot);
        provision(m, firstBoot, noProvision);
    }
}
