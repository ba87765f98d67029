package dev.k3slab.emulator.vagrantdouble;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code vagrant snapshot save|restore|list} of Vagrant 2.3.4 (plugins/commands/snapshot) on the
 * double's lab; see {@link DoubleLab} for how one machine's snapshot maps to the lab's checkpoints.
 */
final class SnapshotCommand {
    private static final String SAVE_USAGE = "Usage: vagrant snapshot save [options] [vm-name] <name>";
    private static final String RESTORE_USAGE = "Usage: vagrant snapshot restore [options] [vm-name] <name>";

    private final DoubleLab lab;
    private final VagrantUi ui;
    private final BootLines boot;
    private final Function<List<String>, List<String>> targets;

    SnapshotCommand(DoubleLab lab, VagrantUi ui, BootLines boot, Function<List<String>, List<String>> targets) {
        this.lab = lab;
        this.ui = ui;
        this.boot = boot;
        this.targets = targets;
    }

    int run(List<String> args) {
        String sub = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (sub) {
            case "save" -> save(CommandArgs.parse(rest, SAVE_USAGE, Set.of("-f", "--force"), Set.of()));
            case "restore" -> restore(CommandArgs.parse(rest, RESTORE_USAGE,
                    Set.of("--provision", "--no-provision", "--no-start"), Set.of("--provision-with")));
            case "list" -> list(CommandArgs.parse(rest, "Usage: vagrant snapshot list [options] [vm-name]", Set.of(), Set.of()));
            default -> throw VagrantTexts.invalidUsage("Usage: vagrant snapshot <subcommand> [<args>]\n\n"
                    + "Available subcommands:\n     delete\n     list\n     pop\n     push\n     restore\n     save");
        };
    }

    private int save(CommandArgs a) {
        String name = snapshotName(a, SAVE_USAGE);
        for (String m : targets.apply(a.names().subList(0, a.names().size() - 1))) {
            ui.record(m, "metadata", "provider", "virtualbox");
            if (lab.stateId(m).equals("not_created")) {
                ui.ui("", "warn", "Machine '" + m + "' has not been created yet, and therefore cannot save snapshots. Skipping...");
                continue;
            }
            if (lab.snapshotsOf(m).contains(name)) {
                if (!a.has("-f", "--force")) {
                    throw VagrantTexts.snapshotConflict();
                }
                ui.record(m, "action", "snapshot_delete", "start");
                ui.info(m, "Deleting the snapshot '" + name + "'...");
                ui.info(m, "Snapshot deleted!");
                ui.record(m, "action", "snapshot_delete", "end");
            }
            ui.record(m, "action", "snapshot_save", "start");
            ui.info(m, "Snapshotting the machine as '" + name + "'...");
            lab.saveSnapshot(m, name);
            ui.success(m, VagrantTexts.SNAPSHOT_SAVED);
            ui.record(m, "action", "snapshot_save", "end");
        }
        return 0;
    }

    private int restore(CommandArgs a) {
        String name = snapshotName(a, RESTORE_USAGE);
        for (String m : targets.apply(a.names().subList(0, a.names().size() - 1))) {
            ui.record(m, "metadata", "provider", "virtualbox");
            if (lab.stateId(m).equals("not_created")) {
                throw VagrantTexts.vmNotCreated();
            }
            if (!lab.snapshotsOf(m).contains(name)) {
                throw VagrantTexts.snapshotNotFound(name, m);
            }
            ui.record(m, "action", "snapshot_restore", "start");
            if (lab.running(m)) {
                ui.info(m, "Forcing shutdown of VM...");
            }
            ui.info(m, "Restoring the snapshot '" + name + "'...");
            lab.restoreSnapshot(m, name);
            if (!a.has("--no-start")) {
                if (!lab.running(m)) {
                    lab.lab.up(m);
                }
                boot.boot(m, false, a.has("--no-provision"));
            } else if (lab.running(m)) {
                // the snapshot was taken running; with --no-start VirtualBox leaves it saved, the lab powers it off
                lab.lab.halt(m);
            }
            ui.record(m, "action", "snapshot_restore", "end");
        }
        return 0;
    }

    private int list(CommandArgs a) {
        for (String m : targets.apply(a.names())) {
            ui.record(m, "metadata", "provider", "virtualbox");
            if (lab.stateId(m).equals("not_created")) {
                ui.info(m, VagrantTexts.NOT_CREATED_MOVING_ON);
                continue;
            }
            Set<String> names = lab.snapshotsOf(m);
            if (names.isEmpty()) {
                ui.output(m, VagrantTexts.NO_SNAPSHOTS);
                ui.detail(m, VagrantTexts.NO_SNAPSHOTS_DETAIL);
                continue;
            }
            ui.output(m, "");
            names.forEach(n -> ui.ui(m, "detail", n));
        }
        return 0;
    }

    private static String snapshotName(CommandArgs a, String usage) {
        if (a.names().isEmpty() || a.names().size() > 2) {
            throw VagrantTexts.invalidUsage(usage);
        }
        return a.names().get(a.names().size() - 1);
    }
}
