package dev.k3slab.topology;

import dev.k3slab.yaml.YamlProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A topology file that cannot be used: it could not be read, does not bind, or breaks a lab rule.
 * Carries every problem found, each placed by file, line and YAML path; the message lists them all.
 */
public class TopologyException extends RuntimeException {
    private final transient List<YamlProblem> problems;

    public TopologyException(String file, List<YamlProblem> problems) {
        super(message(file, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. Never empty. */
    public List<YamlProblem> problems() {
        return problems;
    }

    private static String message(String file, List<YamlProblem> problems) {
        return "the lab topology " + file + " has " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"))
                + "\nNothing was done. Fix the file and try again; docs/topology.md lists the rules.";
    }
}
