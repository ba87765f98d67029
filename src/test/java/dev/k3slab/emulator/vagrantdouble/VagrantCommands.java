package dev.k3slab.emulator.vagrantdouble;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One call of the double: Vagrant 2.3.4's subcommands acted out on the emulated lab, with their
 * records, texts and exit codes (plugins/commands/* and the VirtualBox provider's actions).
 * {@code status}, {@code validate}, {@code up}, {@code reload}, {@code halt}, {@code destroy},
 * {@code ssh-config}, {@code snapshot save|restore|list}, {@code version} and {@code --version};
 * anything else is refused as not modelled.
 */
final class VagrantCommands {

    /** What the call knows of its connection: a hung command waits for its caller to give up. */
    interface Caller {
        /** Blocks until the client has gone (killed on its timeout) or the server closes. */
        void awaitGone();

        boolean serverClosing();
    }

    /** Returned instead of an exit status when the caller went away before the command ended. */
    static final int NO_ANSWER = -1;

    private final DoubleLab lab;
    private final VagrantUi ui;
    private final BootLines boot;
    private final List<Fault> callFaults;
    private final Caller caller;

    VagrantCommands(DoubleLab lab, VagrantUi ui, List<Fault> callFaults, Caller caller) {
        this.lab = lab;
        this.ui = ui;
        this.boot = new BootLines(ui, lab);
        this.callFaults = callFaults;
        this.caller = caller;
    }

    /** Runs {@code vagrant <args>}; the exit status, or {@link #NO_ANSWER}. Vagrant errors are thrown. */
    int run(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (command) {
            case "--version", "-v" -> {
                ui.raw(VagrantTexts.VERSION_LINE);
                yield 0;
            }
            case "version" -> version();
            case "validate" -> validate(rest);
            case "status" -> status(rest);
            case "up" -> up(rest);
            case "reload" -> reload(rest);
            case "halt" -> halt(rest);
            case "destroy" -> destroy(rest);
            case "ssh-config" -> sshConfig(rest);
            case "snapshot" -> new SnapshotCommand(lab, ui, boot, this::targets).run(rest);
            default -> {
                ui.rawError("vagrant double: not modelled by the emulated lab: 'vagrant " + String.join(" ", args)
                        + "'. The double answers status, validate, up, reload, halt, destroy, ssh-config,"
                        + " snapshot save|restore|list, version and --version.");
                yield 1;
            }
        };
    }

    private int version() {
        ui.ui("", "output", "Installed Version: " + VagrantTexts.VERSION);
        ui.record("", "version-installed", VagrantTexts.VERSION);
        ui.ui("", "output", "\nVagrant was unable to check for the latest version of Vagrant.\n"
                + "Please check manually at https://www.vagrantup.com");
        return 0;
    }

    private int validate(List<String> args) {
        CommandArgs.parse(args, "Usage: vagrant validate [options]", Set.of("-p", "--ignore-provider"), Set.of());
        for (String m : targets(List.of())) {
            metadata(m);
        }
        ui.info(VagrantTexts.VALIDATED);
        return 0;
    }

    private int status(List<String> args) {
        List<String> ts = targets(CommandArgs.parse(args, "Usage: vagrant status [name|id]", Set.of(), Set.of()).names());
        ts.forEach(this::metadata);
        int width = Math.max(25, ts.stream().mapToInt(String::length).max().orElse(0));
        List<String> rows = new ArrayList<>();
        for (String m : ts) {
            String id = lab.stateId(m);
            String shortText = id.replace('_', ' ');
            rows.add(String.format("%-" + width + "s %s (virtualbox)", m, shortText));
            ui.record(m, "provider-name", "virtualbox");
            ui.record(m, "state", id);
            ui.record(m, "state-human-short", shortText);
            ui.record(m, "state-human-long", VagrantTexts.longState(id));
        }
        String message = ts.size() == 1 ? VagrantTexts.longState(lab.stateId(ts.get(0))) : VagrantTexts.LISTING;
        ui.info("Current machine states:\n\n" + String.join("\n", rows) + "\n\n" + message);
        return 0;
    }

    private int up(List<String> args) {
        CommandArgs a = CommandArgs.parse(args, "Usage: vagrant up [options] [name|id]",
                Set.of("--no-parallel", "--parallel", "--provision", "--no-provision", "--destroy-on-error",
                        "--no-destroy-on-error", "--install-provider", "--no-install-provider"),
                Set.of("--provider", "--provision-with"));
        List<String> ts = targets(a.names());
        lab.endRound();
        ts.forEach(this::metadata);
        ts.forEach(m -> ui.info("Bringing machine '" + m + "' up with 'virtualbox' provider..."));
        for (String m : ts) {
            ui.record(m, "action", "up", "start");
            boolean created = !lab.stateId(m).equals("not_created");
            boolean wasRunning = lab.running(m);
            lab.lab.up(m);
            if (!created) {
                lab.writeDataDir(m);
                boot.create(m);
            }
            if (lab.fault(Fault.Kind.UP_ERROR_EXIT, m, callFaults)) {
                lab.silenceSsh(m);
                boot.startBooting(m, lab.sshPort(m));
                for (int i = 0; i < 3; i++) {
                    ui.detail(m, "Warning: Connection timeout. Retrying...");
                }
                throw VagrantTexts.bootTimeout();
            }
            if (wasRunning) {
                boot.provision(m, false, a.has("--no-provision"));
            } else {
                lab.restoreSsh(m);
                boot.boot(m, !created, a.has("--no-provision"));
            }
            ui.record(m, "action", "up", "end");
        }
        return 0;
    }

    private int reload(List<String> args) {
        CommandArgs a = CommandArgs.parse(args, "Usage: vagrant reload [vm-name]",
                Set.of("--provision", "--no-provision", "-f", "--force"), Set.of("--provision-with"));
        lab.endRound();
        for (String m : targets(a.names())) {
            metadata(m);
            ui.record(m, "action", "reload", "start");
            if (lab.stateId(m).equals("not_created")) {
                ui.info(m, VagrantTexts.NOT_CREATED_MOVING_ON);
                ui.record(m, "action", "reload", "end");
                continue;
            }
            if (lab.running(m)) {
                ui.info(m, a.has("-f", "--force") ? "Forcing shutdown of VM..." : "Attempting graceful shutdown of VM...");
            }
            if (lab.fault(Fault.Kind.RELOAD_TIMEOUT, m, callFaults)) {
                return hangWhileBooting(m);
            }
            lab.lab.reboot(m, Duration.ofSeconds(30));
            if (lab.fault(Fault.Kind.SSH_DEAD_AFTER_RELOAD, m, callFaults)) {
                lab.silenceSsh(m);
            } else {
                lab.restoreSsh(m);
            }
            boot.boot(m, false, a.has("--no-provision"));
            ui.record(m, "action", "reload", "end");
        }
        return 0;
    }

    /** The machine goes down and its boot never ends while the caller waits; when it gives up the boot completes. */
    private int hangWhileBooting(String m) {
        int port = lab.running(m) ? lab.sshPort(m) : 2222;
        lab.lab.halt(m);
        boot.startBooting(m, port);
        caller.awaitGone();
        if (!caller.serverClosing()) {
            // VirtualBox goes on booting the VM after vagrant was killed.
            lab.lab.up(m);
        }
        return NO_ANSWER;
    }

    private int halt(List<String> args) {
        CommandArgs a = CommandArgs.parse(args, "Usage: vagrant halt [options] [name|id]", Set.of("-f", "--force"), Set.of());
        lab.endRound();
        for (String m : targets(a.names())) {
            metadata(m);
            ui.record(m, "action", "halt", "start");
            switch (lab.stateId(m)) {
                case "not_created" -> ui.info(m, VagrantTexts.NOT_CREATED_MOVING_ON);
                case "running" -> {
                    ui.info(m, a.has("-f", "--force") ? "Forcing shutdown of VM..." : "Attempting graceful shutdown of VM...");
                    lab.lab.halt(m);
                }
                default -> {
                    // already off: Vagrant says nothing
                }
            }
            lab.restoreSsh(m);
            ui.record(m, "action", "halt", "end");
        }
        return 0;
    }

    private int destroy(List<String> args) {
        CommandArgs a = CommandArgs.parse(args, "Usage: vagrant destroy [options] [name|id]",
                Set.of("-f", "--force", "-g", "--graceful", "--parallel", "--no-parallel"), Set.of());
        if (!a.has("-f", "--force")) {
            throw VagrantTexts.uiExpectsTty();
        }
        List<String> ts = targets(a.names());
        boolean partial = !ts.containsAll(lab.topology.names());
        if (partial && ts.stream().anyMatch(m -> !lab.stateId(m).equals("not_created"))) {
            ui.rawError("vagrant double: not modelled by the emulated lab: destroying some machines of the lab ("
                    + ts + "); its K3s model is lab-wide. Destroy them all: vagrant destroy -f");
            return 1;
        }
        for (String m : ts) {
            metadata(m);
            ui.record(m, "action", "destroy", "start");
            switch (lab.stateId(m)) {
                case "not_created" -> ui.info(m, VagrantTexts.NOT_CREATED_MOVING_ON);
                case "running" -> {
                    ui.info(m, "Forcing shutdown of VM...");
                    ui.info(m, "Destroying VM and associated drives...");
                }
                default -> ui.info(m, "Destroying VM and associated drives...");
            }
            ui.record(m, "action", "destroy", "end");
        }
        if (!partial) {
            lab.destroy();
        }
        return 0;
    }

    private int sshConfig(List<String> args) {
        CommandArgs a = CommandArgs.parse(args, "Usage: vagrant ssh-config [options] [name|id]", Set.of(), Set.of("--host"));
        for (String m : targets(a.names())) {
            metadata(m);
            if (!lab.running(m)) {
                throw VagrantTexts.sshNotReady();
            }
            String key = lab.privateKey(m).toString();
            String block = "Host " + a.options().getOrDefault("--host", m) + "\n"
                    + "  HostName 127.0.0.1\n"
                    + "  User vagrant\n"
                    + "  Port " + lab.sshPort(m) + "\n"
                    + "  UserKnownHostsFile /dev/null\n"
                    + "  StrictHostKeyChecking no\n"
                    + "  PasswordAuthentication no\n"
                    + "  IdentityFile " + (key.contains(" ") ? "\"" + key + "\"" : key) + "\n"
                    + "  IdentitiesOnly yes\n"
                    + "  LogLevel FATAL\n";
            ui.record(m, "ssh-config", block);
            // Vagrant prints the text itself too, even with --machine-readable (safe_puts), then a blank line.
            ui.raw(block.substring(0, block.length() - 1));
            ui.raw("");
        }
        return 0;
    }

    /** The machines a command acts on: all of them in Vagrantfile order when none is named. */
    List<String> targets(List<String> names) {
        if (!Files.isRegularFile(lab.vagrantDir.resolve("Vagrantfile"))) {
            throw VagrantTexts.noEnvironment();
        }
        if (names.isEmpty()) {
            return lab.topology.names();
        }
        for (String n : names) {
            if (!lab.topology.names().contains(n)) {
                throw VagrantTexts.machineNotFound(n);
            }
        }
        return names;
    }

    /** Loading a machine prints its provider (lib/vagrant/machine.rb). */
    private void metadata(String m) {
        ui.record(m, "metadata", "provider", "virtualbox");
    }
}
