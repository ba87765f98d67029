package dev.k3slab.machine.vagrant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One finished {@code vagrant} command: how the process ended and the records it printed.
 *
 * @param args    the arguments after {@code vagrant}
 * @param process how the process ended, with every line of output
 * @param records the machine-readable records among its standard output
 */
public record VagrantRun(List<String> args, ProcessResult process, List<MachineReadable.Record> records) {

    public VagrantRun {
        args = List.copyOf(args);
        records = List.copyOf(records);
    }

    /** {@code vagrant <args>}, for messages. */
    public String command() {
        return "vagrant " + String.join(" ", args);
    }

    public Optional<MachineReadable.ErrorExit> errorExit() {
        return MachineReadable.errorExit(records);
    }

    /** True when the process exited 0 within its timeout and printed no {@code error-exit} record. */
    public boolean succeeded() {
        return process.succeeded() && errorExit().isEmpty();
    }

    /** What a person would have read, record texts unescaped: ui messages, raw lines and standard error. */
    public List<String> humanLines() {
        List<String> out = new ArrayList<>();
        for (String line : process.stdout()) {
            Optional<MachineReadable.Record> r = MachineReadable.parseLine(line, 0);
            if (r.isEmpty()) {
                out.add(line);
            } else if (r.get().type().equals("ui") || r.get().type().equals("error-exit")) {
                out.addAll(List.of(r.get().field(1).split("\n", -1)));
            }
        }
        out.addAll(process.stderr());
        return out;
    }

    /** The last {@code n} human lines, for error messages. */
    public List<String> lastLines(int n) {
        List<String> all = humanLines();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }
}
