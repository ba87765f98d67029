package dev.k3slab.cli;

import dev.k3slab.scenario.Scenario;
import dev.k3slab.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ./lab validate [FILES]}: reads scenario files strictly, with every problem at once as
 * {@code file:line: path: message}, without touching any machine.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Check scenario files strictly, without touching any machine.",
                "Every problem is printed at once, as file:line: YAML path: message.",
                "Without FILES: the experiments in scenarios/. Named files are checked beside those experiments,"
                        + " so they may require or extend them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid", "2:a file has problems (they are printed)"})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILES", arity = "0..*", description = "scenario files (default: every file in scenarios/)")
    List<Path> files = new ArrayList<>();

    @Mixin
    ScenarioOptions scenarios;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println(f + ": no such file");
                err.flush();
                return ExitCodes.UNKNOWN_OR_BROKEN;
            }
        }
        ScenarioLoader.Loaded loaded = scenarios.load(scenarios.topology(), files);
        if (!loaded.ok()) {
            return ScenarioOptions.refuse(loaded, err, loaded.problems().size() + " problem"
                    + (loaded.problems().size() == 1 ? "" : "s") + "; nothing was run");
        }
        List<Scenario> scenarios = loaded.set().orElseThrow().all();
        out.println(scenarios.size() + " scenarios valid: " + String.join(", ", scenarios.stream().map(Scenario::id).toList()));
        out.flush();
        return ExitCodes.OK;
    }
}
