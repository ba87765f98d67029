package dev.k3slab.machine.vagrant;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The likely fix for a failed Vagrant command, from its {@code error-exit} class or, where Vagrant
 * printed no record, from the text of its message (en.yml of Vagrant 2.3/2.4). Pure.
 */
public final class VagrantDiagnosis {

    private record Rule(Set<String> errorClasses, String textFragment, String fix) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Set.of("VirtualBoxNotDetected", "ProviderNotUsable"), "could not detect VirtualBox",
                    "VirtualBox is missing: install VirtualBox so that VBoxManage is on the PATH, then check with"
                            + " ./lab doctor. Without VirtualBox, run the emulated lab: ./lab run"),
            new Rule(Set.of("VirtualBoxInvalidHostSubnet"), "not within the\nallowed ranges",
                    "VirtualBox refused the host-only range: keep the lab's network inside 192.168.56.0/21"
                            + " (topology.yaml) or allow it in /etc/vbox/networks.conf, e.g. '* 192.168.56.0/21'"),
            new Rule(Set.of(), "E_ACCESSDENIED",
                    "VirtualBox refused the host-only range: keep the lab's network inside 192.168.56.0/21"
                            + " (topology.yaml) or allow it in /etc/vbox/networks.conf, e.g. '* 192.168.56.0/21'"),
            new Rule(Set.of("MachineActionLockedError", "MachineLocked", "EnvironmentLockedError"),
                    "another process is already executing an action",
                    "the machine is locked by another Vagrant process: wait for it to end, or find it"
                            + " (ps -ef | grep -i vagrant), end it, and run again"),
            new Rule(Set.of("BoxAddShortNotFound", "DownloaderError", "BoxNotFound", "BoxNotFoundWithProvider",
                    "BoxNotFoundWithProviderAndVersion"), "could not be found or\ncould not be accessed",
                    "the box could not be downloaded: check the network and the box name in topology.yaml, or add it"
                            + " by hand with 'vagrant box add <box> --provider virtualbox'"),
            new Rule(Set.of("VMBootTimeout"), "Timed out while waiting for the machine to boot",
                    "the VM never answered SSH within config.vm.boot_timeout: open it in the VirtualBox GUI to see its"
                            + " console; usual causes are VT-x/AMD-V disabled or taken by another hypervisor (KVM,"
                            + " Hyper-V) and an overloaded host; then './lab down' and run again"),
            new Rule(Set.of("VMBootBadState"), "entered an invalid state while waiting for it",
                    "the VM stopped while booting: look at 'VBoxManage showvminfo <vm>' and the VM log, then"
                            + " './lab down' and run again"),
            new Rule(Set.of("VirtualBoxInvalidVersion"), "version of VirtualBox installed\nthat is not supported",
                    "this Vagrant does not support the installed VirtualBox: upgrade Vagrant (./lab doctor shows both versions)"),
            new Rule(Set.of("SSHNotReady", "VMNotRunningError", "VMNotCreatedError"), "not yet ready for SSH",
                    "the machine is not running: bring the lab up first (or 'vagrant up <name>' in the vagrant folder)"),
            new Rule(Set.of("SnapshotNotFound"), "was not found for the\nvirtual machine",
                    "there is no checkpoint of that name on this machine: save it first (list them with"
                            + " 'vagrant snapshot list' in the vagrant folder)"),
            new Rule(Set.of("MachineNotFound"), "was not found configured for",
                    "the machine is not in the Vagrantfile: generate the Vagrantfile again from topology.yaml"),
            new Rule(Set.of("ConfigInvalid"), "There are errors in the configuration of this machine",
                    "the Vagrantfile is invalid (Vagrant names the setting above): generate it again from topology.yaml"),
            new Rule(Set.of(), "There is a syntax error in the following Vagrantfile",
                    "the Vagrantfile is not valid Ruby: generate it again from topology.yaml"),
            new Rule(Set.of("NoEnvironmentError"), "A Vagrant environment or target machine is required",
                    "there is no Vagrantfile in the vagrant folder: generate it from topology.yaml first"),
            new Rule(Set.of("UIExpectsTTY"), "requires\na TTY",
                    "Vagrant wanted to ask a question: this is a harness bug (a command without -f or --force)"));

    private VagrantDiagnosis() {
    }

    /** The likely fix, or a pointer to the log when nothing known matches. */
    public static String likelyFix(Optional<MachineReadable.ErrorExit> error, String text) {
        for (Rule rule : RULES) {
            if (error.isPresent() && rule.errorClasses().contains(error.get().shortClass())
                    && (!error.get().shortClass().equals("ProviderNotUsable") || mentions(error.get().message() + text, rule))) {
                return rule.fix();
            }
        }
        String all = error.map(e -> e.message() + "\n").orElse("") + text;
        for (Rule rule : RULES) {
            if (mentions(all, rule)) {
                return rule.fix();
            }
        }
        return "no known cause: read Vagrant's message above and the full output in the run log";
    }

    private static boolean mentions(String text, Rule rule) {
        // Vagrant hard-wraps its messages; compare with the wrap and without it.
        String fragment = rule.textFragment();
        return text.contains(fragment) || text.replace('\n', ' ').contains(fragment.replace('\n', ' '));
    }
}
