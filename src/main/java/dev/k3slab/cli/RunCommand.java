package dev.k3slab.cli;

import dev.k3slab.machine.DestroyPolicy;
import dev.k3slab.machine.LogSink;
import dev.k3slab.record.RunRecord;
import dev.k3slab.record.Verdict;
import dev.k3slab.machine.TeardownAdvice;
import dev.k3slab.report.ReportWriter;
import dev.k3slab.scenario.Labs;
import dev.k3slab.scenario.RunPlan;
import dev.k3slab.scenario.RunTeardown;
import dev.k3slab.scenario.ScenarioEngine;
import dev.k3slab.scenario.ScenarioLoader;
import dev.k3slab.scenario.ScenarioSet;
import dev.k3slab.shell.SecretMasker;
import dev.k3slab.topology.LabHome;
import dev.k3slab.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./lab run}: plays the experiments in order on one lab with the engine the JUnit suites
 * use, prints progress, writes the report and exits 0 (every check passed), 1 (one failed) or 2
 * (one was UNKNOWN, or the harness broke).
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Play the experiments in order on one lab, print progress and write the report.",
                "The emulated lab is the default; --provider vagrant uses real VMs (Vagrant + VirtualBox)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed", "1:a check failed", "2:a check was UNKNOWN, a scenario file is invalid, or the harness broke",
                "64:wrong command line (e.g. an unknown scenario id)"})
public final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--provider", paramLabel = "NAME", defaultValue = "emulated",
            description = "emulated or vagrant (default: ${DEFAULT-VALUE})")
    String provider;

    @Option(names = "--only", paramLabel = "ID", arity = "1..*", description = "run only these scenarios (from the checkpoint of their prerequisite, or replaying it)")
    List<String> only = new ArrayList<>();

    @Option(names = "--from", paramLabel = "ID", description = "run from this scenario on (from the checkpoint of its prerequisite, or replaying it)")
    String from;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "where runs are stored (default: reports/ of the checkout)")
    Path reportDir;

    @Option(names = "--destroy", paramLabel = "WHEN", defaultValue = "on-success",
            description = "vagrant: destroy the machines always, never or on-success (default: ${DEFAULT-VALUE}; a failed run keeps them)")
    String destroy;

    @Mixin
    ScenarioOptions scenarios;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!provider.equals("emulated") && !provider.equals("vagrant")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--provider is emulated or vagrant, not '" + provider + "'");
        }
        if (!only.isEmpty() && from != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--only and --from exclude each other");
        }
        DestroyPolicy policy;
        try {
            policy = DestroyPolicy.parse(destroy);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Topology topology = scenarios.topology();
        ScenarioLoader.Loaded loaded = scenarios.load(topology, List.of());
        if (!loaded.ok()) {
            return ScenarioOptions.refuse(loaded, err, "nothing was run: fix the scenario files (./lab validate checks them)");
        }
        ScenarioSet set = loaded.set().orElseThrow();
        RunPlan.Selection selection = new RunPlan.Selection(only, from);
        for (String id : only.isEmpty() ? (from == null ? List.<String>of() : List.of(from)) : only) {
            if (set.find(id).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no scenario has the id '" + id + "'; known: "
                        + String.join(", ", set.ids()));
            }
        }
        Path reports = reportDir == null ? ReportDirs.defaultDir() : reportDir;
        String runId = LocalDateTime.now().format(RUN_ID) + "-" + provider;
        Path runDir = Files.createDirectories(reports.resolve(runId));
        SecretMasker masker = new SecretMasker();
        Path home = LabHome.find().orElse(Path.of("").toAbsolutePath());
        out.println("run " + runId + " on the " + provider + " lab; scenarios: " + String.join(", ", set.ids()));
        out.flush();
        RunRecord run;
        try (FileLog log = new FileLog(runDir.resolve("provider.log"));
             Labs.Opened lab = provider.equals("emulated")
                     ? Labs.emulated(topology, home.resolve("target/emulated-lab"), runDir, masker)
                     : Labs.vagrant(topology, home.resolve("vagrant"), runDir, masker, log)) {
            run = new ScenarioEngine(lab.session(), new ConsoleProgress(out)).run(set, selection);
            Path folder = new ReportWriter(masker).write(run, reports);
            summary(out, run, folder);
            if (provider.equals("vagrant")) {
                teardown(out, lab, topology, home.resolve("vagrant"), policy, run);
            }
        }
        return run.verdict() == Verdict.PASS ? ExitCodes.OK
                : run.verdict() == Verdict.FAIL ? ExitCodes.CHECKS_FAILED : ExitCodes.UNKNOWN_OR_BROKEN;
    }

    private static void summary(PrintWriter out, RunRecord run, Path folder) {
        long passed = run.experiments().stream().filter(e -> e.verdict() == Verdict.PASS).count();
        long checks = run.experiments().stream().mapToLong(e -> e.checks().size()).sum();
        out.println();
        out.println("run " + run.runId() + ": " + run.verdict() + " (" + passed + " of " + run.experiments().size()
                + " experiments passed, " + checks + " checks)");
        out.println("report: " + folder.resolve(ReportWriter.HTML) + " (also report.md, report.json)");
        out.flush();
    }

    private static void teardown(PrintWriter out, Labs.Opened lab, Topology topology, Path vagrantDir, DestroyPolicy policy,
                                 RunRecord run) {
        TeardownAdvice advice = RunTeardown.advise(run, topology, vagrantDir, policy);
        advice.lines().forEach(out::println);
        out.flush();
        if (advice.destroy()) {
            lab.provider().destroy();
        }
    }

    /** The provider's output, line by line, into the run folder. */
    private static final class FileLog implements LogSink, AutoCloseable {
        private final PrintWriter w;

        FileLog(Path file) throws IOException {
            this.w = new PrintWriter(Files.newBufferedWriter(file), true);
        }

        @Override
        public synchronized void line(String source, String line) {
            w.println("[" + source + "] " + line);
        }

        @Override
        public synchronized void close() {
            w.close();
        }
    }

}
