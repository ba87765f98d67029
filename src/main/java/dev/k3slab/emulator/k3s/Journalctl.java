package dev.k3slab.emulator.k3s;

import dev.k3slab.emulator.Invocation;

import java.util.List;

/** {@code journalctl -u <unit> [-n N] [--no-pager]}: the lines the model logged for a K3s unit. */
final class Journalctl {
    private final Lab lab;

    Journalctl(Lab lab) {
        this.lab = lab;
    }

    int run(Invocation inv) {
        String unit = null;
        int lines = -1;
        List<String> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-u") || a.equals("--unit")) && i + 1 < args.size()) {
                unit = Systemd.unitName(args.get(++i));
            } else if (a.startsWith("--unit=")) {
                unit = Systemd.unitName(a.substring("--unit=".length()));
            } else if (a.startsWith("-u") && a.length() > 2) {
                unit = Systemd.unitName(a.substring(2));
            } else if ((a.equals("-n") || a.equals("--lines")) && i + 1 < args.size()) {
                lines = count(args.get(++i), args);
            } else if (a.startsWith("--lines=")) {
                lines = count(a.substring("--lines=".length()), args);
            } else if (a.startsWith("-n") && a.length() > 2) {
                lines = count(a.substring(2), args);
            } else if (!a.equals("--no-pager") && !a.equals("-q") && !a.equals("--quiet")) {
                throw new NotModelled("journalctl " + String.join(" ", args) + " (" + a + ")");
            }
        }
        if (unit == null || !unit.startsWith("k3s")) {
            throw new NotModelled("journalctl " + String.join(" ", args) + " (only -u for the K3s units is modelled)");
        }
        List<String> journal = lab.state.node(inv.node()).journal.getOrDefault(unit, List.of());
        if (journal.isEmpty()) {
            inv.stdout().println("-- No entries --");
            return 0;
        }
        int from = lines < 0 ? 0 : Math.max(0, journal.size() - lines);
        journal.subList(from, journal.size()).forEach(inv.stdout()::println);
        return 0;
    }

    private static int count(String n, List<String> args) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new NotModelled("journalctl " + String.join(" ", args) + " (-n " + n + ")");
        }
    }
}
