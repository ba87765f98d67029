package dev.k3slab.scenario;

import dev.k3slab.record.CommandRecord;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.SecretMasker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the commands of steps on the lab's nodes: fills in run variables, runs through the node's
 * shell and keeps each result as a masked {@link CommandRecord} for the step being run.
 */
final class Commands {
    private final LabSession lab;
    private final RunState run;
    private final List<CommandRecord> records = new ArrayList<>();

    Commands(LabSession lab, RunState run) {
        this.lab = lab;
        this.run = run;
    }

    /** Runs {@code command} on {@code node}; throws {@link StepFailure} (UNKNOWN) when a run variable has no value. */
    CommandResult run(String node, String command, Duration timeout) {
        return record(lab.shell(node).run(resolve(command), timeout));
    }

    /** The command with run variables filled in and escapes finished. */
    String resolve(String command) {
        String resolved = Vars.resolve(command, run.vars);
        Set<String> missing = Vars.unresolved(resolved);
        if (!missing.isEmpty()) {
            String name = missing.iterator().next();
            throw StepFailure.unknown("run variable '" + name + "' has no value in this run: the step that captures it did"
                    + " not run (was its experiment restored from a checkpoint and could it not be read again?)");
        }
        return Vars.finish(resolved);
    }

    /** Keeps a result (masked with every secret known now) for the current step, and returns it masked. */
    CommandResult record(CommandResult r) {
        CommandResult masked = lab.masker().mask(r);
        records.add(toRecord(masked));
        return masked;
    }

    /** Keeps the record of a secret read: its output is not kept, only the variable it went to. */
    void recordSecret(CommandResult r, String variable) {
        records.add(new CommandRecord(r.node(), lab.masker().mask(r.command()), r.exitStatus().isPresent()
                ? r.exitStatus().getAsInt() : null, SecretMasker.MASK + " (captured as " + variable + ")", "",
                r.started(), r.took().toMillis()));
    }

    static CommandRecord toRecord(CommandResult r) {
        return new CommandRecord(r.node(), r.command(), r.exitStatus().isPresent() ? r.exitStatus().getAsInt() : null,
                r.stdout(), r.stderr(), r.started(), r.took().toMillis());
    }

    /** The records kept since the last call, and a fresh start for the next step. */
    List<CommandRecord> drain() {
        List<CommandRecord> out = List.copyOf(records);
        records.clear();
        return out;
    }
}
