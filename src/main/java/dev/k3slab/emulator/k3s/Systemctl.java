package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.Invocation;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code systemctl stop|start|restart|status|cat|daemon-reload|is-active|is-enabled|enable|disable|reset-failed} for the K3s units. */
final class Systemctl {
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Set<String> IGNORED_OPTIONS = Set.of("--no-pager", "-l", "--full", "--quiet", "-q", "--no-block");

    private final Lab lab;
    private final Systemd systemd;

    Systemctl(Lab lab, Systemd systemd) {
        this.lab = lab;
        this.systemd = systemd;
    }

    int run(Invocation inv) {
        String verb = null;
        boolean quiet = false;
        List<String> units = new ArrayList<>();
        for (String a : inv.args()) {
            if (a.startsWith("-")) {
                if (!IGNORED_OPTIONS.contains(a)) {
                    throw new NotModelled("systemctl " + String.join(" ", inv.args()) + " (option " + a + ")");
                }
                quiet |= a.equals("--quiet") || a.equals("-q");
            } else if (verb == null) {
                verb = a;
            } else {
                units.add(Systemd.unitName(a));
            }
        }
        if (verb == null) {
            throw new NotModelled("systemctl without a command");
        }
        if (verb.equals("daemon-reload")) {
            systemd.daemonReload(inv.node());
            return 0;
        }
        for (String u : units) {
            if (!u.startsWith("k3s")) {
                throw new NotModelled("systemctl " + verb + " " + u + " (only the K3s units are modelled)");
            }
        }
        if (units.isEmpty()) {
            throw new NotModelled("systemctl " + verb + " without a unit");
        }
        int status = 0;
        for (String unit : units) {
            status = Math.max(status, one(inv, verb, unit, quiet));
        }
        return status;
    }

    private int one(Invocation inv, String verb, String unit, boolean quiet) {
        String node = inv.node();
        switch (verb) {
            case "start", "restart" -> {
                warnIfChanged(inv, unit);
                if (systemd.unit(node, unit).isEmpty()) {
                    inv.stderr().println("Failed to " + verb + " " + unit + ": Unit " + unit + " not found.");
                    return 5;
                }
                if (verb.equals("restart")) {
                    systemd.stop(node, unit);
                }
                Systemd.Started s = systemd.start(node, unit, inv.stderr());
                if (s.notModelled() != null) {
                    inv.stderr().println(s.notModelled());
                }
                return s.status();
            }
            case "stop" -> {
                warnIfChanged(inv, unit);
                if (systemd.unit(node, unit).isEmpty()) {
                    inv.stderr().println("Failed to stop " + unit + ": Unit " + unit + " not loaded.");
                    return 5;
                }
                systemd.stop(node, unit);
                return 0;
            }
            case "status" -> {
                return status(inv, unit);
            }
            case "cat" -> {
                Optional<String> text = systemd.fileText(node, unit);
                if (text.isEmpty()) {
                    inv.stderr().println("No files found for " + unit + ".");
                    return 1;
                }
                inv.stdout().println("# " + Systemd.DIR + "/" + unit);
                inv.stdout().print(text.get());
                return 0;
            }
            case "is-active" -> {
                String state = activeState(node, unit);
                if (!quiet) {
                    inv.stdout().println(state);
                }
                return state.equals("active") ? 0 : 3;
            }
            case "is-enabled" -> {
                if (systemd.fileText(node, unit).isEmpty()) {
                    inv.stderr().println("Failed to get unit file state for " + unit + ": No such file or directory");
                    return 1;
                }
                boolean enabled = systemd.enabled(node, unit);
                if (!quiet) {
                    inv.stdout().println(enabled ? "enabled" : "disabled");
                }
                return enabled ? 0 : 1;
            }
            case "enable" -> {
                if (systemd.fileText(node, unit).isEmpty()) {
                    inv.stderr().println("Failed to enable unit: Unit file " + unit + " does not exist.");
                    return 1;
                }
                systemd.enable(node, unit, inv.stderr());
                return 0;
            }
            case "disable" -> {
                systemd.disable(node, unit, inv.stderr());
                return 0;
            }
            case "reset-failed" -> {
                systemd.unit(node, unit).ifPresent(u -> u.result = "success");
                return 0;
            }
            default -> throw new NotModelled("systemctl " + verb);
        }
    }

    private void warnIfChanged(Invocation inv, String unit) {
        if (systemd.changedOnDisk(inv.node(), unit)) {
            inv.stderr().println(Systemd.changedWarning(unit));
        }
    }

    private String activeState(String node, String unit) {
        ModelState.UnitState u = lab.state.node(node).units.get(unit);
        if (u == null) {
            return "inactive";
        }
        if (u.active) {
            return "active";
        }
        if (u.restartAt != null) {
            return "activating";
        }
        return u.result.equals("success") ? "inactive" : "failed";
    }

    private int status(Invocation inv, String unit) {
        String node = inv.node();
        Optional<ModelState.UnitState> found = systemd.unit(node, unit);
        if (found.isEmpty()) {
            inv.stderr().println("Unit " + unit + " could not be found.");
            return 4;
        }
        ModelState.UnitState u = found.get();
        String state = activeState(node, unit);
        String dot = state.equals("active") || state.equals("activating") ? "\u25cf" : state.equals("failed") ? "\u00d7" : "\u25cb";
        StringBuilder sb = new StringBuilder();
        sb.append(dot).append(' ').append(unit).append(" - ").append(Systemd.description(u.loadedText)).append('\n');
        sb.append("     Loaded: loaded (").append(Systemd.DIR).append('/').append(unit).append("; ")
                .append(systemd.enabled(node, unit) ? "enabled" : "disabled").append("; vendor preset: enabled)\n");
        String since = u.since == null ? "" : " since " + SINCE.format(u.since) + "; " + ago(Duration.between(u.since, lab.now())) + " ago";
        switch (state) {
            case "active" -> sb.append("     Active: active (running)").append(since).append('\n');
            case "activating" -> sb.append("     Active: activating (auto-restart) (Result: ").append(u.result).append(')')
                    .append(since).append('\n');
            case "failed" -> sb.append("     Active: failed (Result: ").append(u.result).append(')').append(since).append('\n');
            default -> sb.append("     Active: inactive (dead)").append(since).append('\n');
        }
        sb.append("       Docs: https://k3s.io\n");
        if (state.equals("active")) {
            String comm = unit.startsWith("k3s-agent") ? "k3s-agent" : "k3s-server";
            sb.append("   Main PID: ").append(u.mainPid).append(" (").append(comm).append(")\n");
            sb.append("     CGroup: /system.slice/").append(unit).append('\n');
            sb.append("             \u2514\u2500").append(u.mainPid).append(" \"/usr/local/bin/k3s ")
                    .append(comm.substring(4)).append("\"\n");
        }
        List<String> journal = lab.state.node(node).journal.getOrDefault(unit, List.of());
        if (!journal.isEmpty()) {
            sb.append('\n');
            journal.subList(Math.max(0, journal.size() - 10), journal.size()).forEach(l -> sb.append(l).append('\n'));
        }
        inv.stdout().print(sb);
        if (systemd.changedOnDisk(node, unit)) {
            inv.stderr().println(Systemd.changedWarning(unit));
        }
        return state.equals("active") ? 0 : 3;
    }

    /** systemd's relative time: {@code 9s}, {@code 2min 3s}, {@code 1h 5min}, {@code 2 days 3h}. */
    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "min " + (s % 60) + "s";
        }
        if (s < 86400) {
            return (s / 3600) + "h " + (s % 3600 / 60) + "min";
        }
        return (s / 86400) + (s / 86400 == 1 ? " day " : " days ") + (s % 86400 / 3600) + "h";
    }
}
