package dev.k3slab.scenario;

import dev.k3slab.machine.MachineException;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.NodeShell;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The steps that act on the lab: run a command, start one in the background, reboot a machine,
 * edit a unit. Each returns a message for the step record, or throws {@link StepFailure}.
 */
final class ActionSteps {
    private final LabSession lab;
    private final Commands commands;
    private final RunState run;
    private final Map<String, String> backgroundLogs;

    ActionSteps(LabSession lab, Commands commands, RunState run, Map<String, String> backgroundLogs) {
        this.lab = lab;
        this.commands = commands;
        this.run = run;
        this.backgroundLogs = backgroundLogs;
    }

    String run(Step.Run s, String scenario) {
        if (s.capture() != null && s.secret()) {
            return SecretCapture.capture(lab, commands, run, s, scenario);
        }
        CommandResult r = commands.run(s.on(), s.command(), s.timeout());
        expect(r, s);
        if (s.capture() != null) {
            run.capture(s.capture(), r.stdout().strip(), scenario);
            return r.describeStatus() + "; captured " + s.capture();
        }
        return r.describeStatus();
    }

    /** Throws when the result is not what the step expects: no status is UNKNOWN, another status or output FAIL. */
    static void expect(CommandResult r, Step.Run s) {
        if (r.statusUnknown()) {
            throw StepFailure.unknown("no exit status received from '" + r.command() + "' on " + r.node() + tail(r));
        }
        if (s.expectExit().isPresent() && r.exitStatus().getAsInt() != s.expectExit().getAsInt()) {
            throw StepFailure.fail("'" + r.command() + "' on " + r.node() + " " + r.describeStatus() + ", expected exit status "
                    + s.expectExit().getAsInt() + tail(r));
        }
        if (s.expectOutput() != null && !(r.stdout() + r.stderr()).contains(s.expectOutput())) {
            throw StepFailure.fail("'" + r.command() + "' on " + r.node() + " " + r.describeStatus() + " without printing '"
                    + s.expectOutput() + "'" + tail(r));
        }
    }

    private static String tail(CommandResult r) {
        return lastLines("stdout", r.stdout()) + lastLines("stderr", r.stderr());
    }

    static String lastLines(String label, String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        List<String> lines = text.strip().lines().toList();
        List<String> last = lines.subList(Math.max(0, lines.size() - 10), lines.size());
        return "\n  " + label + (lines.size() > last.size() ? " (last 10 lines)" : "") + ":\n    " + String.join("\n    ", last);
    }

    String background(Step.Background s) {
        String command = commands.resolve(s.command());
        NodeShell.BackgroundProcess p = lab.shell(s.on()).startBackground(command, s.logFile(), s.timeout());
        backgroundLogs.put(s.on(), s.logFile());
        commands.record(new CommandResult(s.on(), lab.masker().mask(command) + " &  # output in " + s.logFile(),
                java.util.OptionalInt.of(0), "pid " + p.pid() + "\n", "", java.time.Instant.now(), Duration.ZERO));
        if (s.pidFile() != null) {
            CommandResult w = commands.run(s.on(), "echo " + p.pid() + " > " + s.pidFile(), Duration.ofSeconds(30));
            if (!w.succeeded()) {
                throw StepFailure.unknown("started with pid " + p.pid() + " but could not write " + s.pidFile() + ": "
                        + w.describeStatus() + tail(w));
            }
        }
        return "started with pid " + p.pid() + ", output in " + s.logFile();
    }

    String reboot(Step.Reboot s) {
        try {
            lab.provider().reboot(s.target(), s.timeout());
        } catch (MachineException e) {
            throw StepFailure.unknown("reboot of " + s.target() + " failed: " + e.getMessage());
        }
        lab.shell(s.target()).reconnect(s.timeout());
        return s.target() + " rebooted and reachable again";
    }

    /** Deletes the flag's line and its value's line (the install script writes each on a line of its own). */
    String editUnit(Step.EditUnit s) {
        CommandResult cat = commands.run(s.target(), "cat " + s.unitFile(), Duration.ofSeconds(30));
        if (!cat.succeeded()) {
            throw StepFailure.fail("cannot read " + s.unitFile() + " on " + s.target() + ": " + cat.describeStatus() + tail(cat));
        }
        List<String> lines = cat.stdout().lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            String word = lines.get(i).strip().replaceAll("\\s*\\\\$", "").replace("'", "");
            if (word.equals(s.deleteFlag()) || word.startsWith(s.deleteFlag() + "=")) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw StepFailure.fail(s.unitFile() + " on " + s.target() + " has no line with " + s.deleteFlag());
        }
        boolean withValue = !lines.get(at).contains("=") && at + 1 < lines.size() && !lines.get(at + 1).strip().startsWith("'-");
        int last = withValue ? at + 2 : at + 1;
        CommandResult sed = commands.run(s.target(), "sed -i '" + (at + 1) + "," + last + "d' " + s.unitFile(), Duration.ofSeconds(30));
        if (!sed.succeeded()) {
            throw StepFailure.fail("deleting lines " + (at + 1) + "-" + last + " of " + s.unitFile() + " failed: " + sed.describeStatus() + tail(sed));
        }
        if (s.daemonReload()) {
            CommandResult reload = commands.run(s.target(), "systemctl daemon-reload", Duration.ofSeconds(60));
            if (!reload.succeeded()) {
                throw StepFailure.fail("systemctl daemon-reload on " + s.target() + " " + reload.describeStatus() + tail(reload));
            }
        }
        return "deleted lines " + (at + 1) + "-" + last + " (" + lines.get(at).strip()
                + (withValue ? " " + lines.get(at + 1).strip() : "") + ") of " + s.unitFile();
    }
}
