package dev.k3slab.machine.vagrant;

import dev.k3slab.machine.LogSink;
import dev.k3slab.machine.MachineException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the {@code vagrant} program on one Vagrant folder: {@code VAGRANT_CWD} on that folder, no
 * colour, no version check, VirtualBox as the default provider, the rest of the environment kept.
 * Streams every line into the run log as it arrives, prefixed with the machine it concerns.
 */
public final class VagrantCli {

    /** How many lines of output an error message quotes. */
    static final int TAIL_LINES = 15;

    private final Path binary;
    private final Path vagrantDir;
    private final LogSink log;
    private final ProcessRunner runner;

    public VagrantCli(Path binary, Path vagrantDir, LogSink log) {
        // A relative path is meant from here; the process starts in the Vagrant folder, where it would not resolve.
        this.binary = binary.getParent() == null ? binary : binary.toAbsolutePath();
        this.vagrantDir = vagrantDir.toAbsolutePath();
        this.log = log;
        this.runner = new ProcessRunner(this.vagrantDir, Map.of(
                "VAGRANT_CWD", this.vagrantDir.toString(),
                "VAGRANT_NO_COLOR", "1",
                "VAGRANT_CHECKPOINT_DISABLE", "1",
                // Debian's vagrant ships the libvirt plugin, which would otherwise win for new machines.
                "VAGRANT_DEFAULT_PROVIDER", "virtualbox"));
    }

    public Path binary() {
        return binary;
    }

    public Path vagrantDir() {
        return vagrantDir;
    }

    /**
     * Runs {@code vagrant <args>} and returns how it ended; never throws for a failing command.
     *
     * @param machine the machine the command concerns, used as log prefix for untargeted lines;
     *                null for the whole lab
     */
    public VagrantRun run(String machine, Duration timeout, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(binary.toString());
        argv.addAll(List.of(args));
        String fallback = machine == null ? "vagrant" : machine;
        int[] lineNo = {0};
        ProcessResult result = runner.run(argv, timeout, (stream, line) -> {
            Optional<MachineReadable.Record> r = stream == ProcessRunner.Stream.STDOUT
                    ? MachineReadable.parseLine(line, ++lineNo[0]) : Optional.empty();
            if (r.isEmpty()) {
                log.line(fallback, line);
                return;
            }
            String source = r.get().target().isEmpty() ? fallback : r.get().target();
            String text = r.get().type().equals("ui") || r.get().type().equals("error-exit")
                    ? r.get().field(1) : r.get().type() + " " + String.join(" ", r.get().data());
            for (String part : text.split("\n", -1)) {
                log.line(source, part);
            }
        });
        return new VagrantRun(List.of(args), result, MachineReadable.parseRecordsOnly(String.join("\n", result.stdout())));
    }

    /**
     * Runs {@code vagrant <args>} and throws when it failed: a non-zero exit, an {@code error-exit}
     * record or a timeout.
     */
    public VagrantRun runChecked(String machine, Duration timeout, String... args) {
        VagrantRun run = run(machine, timeout, args);
        if (!run.succeeded()) {
            throw failure(run, machine, null);
        }
        return run;
    }

    /**
     * The exception for a failed command: the command, the machine, the exit status, the error
     * record, the last lines of output and the likely fix.
     *
     * @param problem what went wrong when the command itself succeeded (e.g. a machine not running); may be null
     */
    public MachineException failure(VagrantRun run, String machine, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(run.command()).append(" (in ").append(vagrantDir).append(")");
        if (machine != null) {
            sb.append(" for machine ").append(machine);
        }
        sb.append(": ");
        if (problem != null) {
            sb.append(problem).append(" (").append(run.process().describeExit()).append(")");
        } else {
            sb.append("failed, ").append(run.process().describeExit());
        }
        run.errorExit().ifPresent(e -> sb.append(", ").append(e.errorClass()));
        sb.append("\nLast lines of output:");
        for (String line : run.lastLines(TAIL_LINES)) {
            sb.append("\n  | ").append(line);
        }
        String fix;
        if (run.process().timedOut()) {
            fix = "vagrant did not finish within " + run.process().took().toSeconds() + " s and was ended; the machine"
                    + " may be half-way through its action: look at 'vagrant status' in " + vagrantDir
                    + ", the VirtualBox GUI, and the run log; then './lab down' and run again";
        } else if (run.process().exitCode().isEmpty()) {
            fix = "'" + binary + "' could not be started: install Vagrant, or point " + Executables.VAGRANT.property()
                    + " / " + Executables.VAGRANT.envVar() + " at it (./lab doctor checks this)";
        } else {
            fix = VagrantDiagnosis.likelyFix(run.errorExit(), String.join("\n", run.humanLines()));
        }
        sb.append("\nLikely fix: ").append(fix);
        return new MachineException(sb.toString());
    }
}
