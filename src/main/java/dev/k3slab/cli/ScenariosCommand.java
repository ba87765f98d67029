package dev.k3slab.cli;

import dev.k3slab.scenario.Scenario;
import dev.k3slab.scenario.ScenarioLoader;
import dev.k3slab.scenario.Step;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./lab scenarios}: the experiments in the order they run, with what each starts from. */
@Command(name = "scenarios",
        mixinStandardHelpOptions = true,
        description = "List the scenarios in the order they run, with the state each starts from.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:a scenario file has problems (run ./lab validate)"})
public final class ScenariosCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenarios;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioLoader.Loaded loaded = scenarios.load(scenarios.topology(), List.of());
        if (!loaded.ok()) {
            return ScenarioOptions.refuse(loaded, err, null);
        }
        out.printf("%-12s %-14s %5s %6s  %s%n", "ID", "STARTS AFTER", "STEPS", "CHECKS", "TITLE");
        for (Scenario s : loaded.set().orElseThrow().all()) {
            long checks = s.steps().stream().filter(st -> st instanceof Step.Check || st instanceof Step.Verdict).count();
            out.printf("%-12s %-14s %5d %6d  %s%n", s.id(), s.requires().isEmpty() ? "(a fresh lab)" : String.join(",", s.requires()),
                    s.steps().size(), checks, s.title());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
