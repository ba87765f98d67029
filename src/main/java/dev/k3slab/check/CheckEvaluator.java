package dev.k3slab.check;

import dev.k3slab.record.CheckRecord;
import dev.k3slab.record.ObservationRecord;
import dev.k3slab.record.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tests a {@link CheckSpec} against the observations made so far and writes the {@link CheckRecord}.
 * A check whose observation is missing or unusable (no exit status, output the parsers rejected)
 * is UNKNOWN, never FAIL; a FAIL or UNKNOWN carries the evidence: the relation, the values seen
 * and the commands with their output. Pure: no I/O.
 */
public final class CheckEvaluator {

    private CheckEvaluator() {
    }

    public static CheckRecord evaluate(CheckSpec check, Observations observations) {
        Map<String, Observed> found = new LinkedHashMap<>();
        for (String ref : check.references()) {
            Optional<Observed> o = observations.find(ref);
            if (o.isEmpty()) {
                return record(check, Outcome.unknown(check.describe(), "observation '" + ref
                        + "' was not made in this run (was its experiment restored from a checkpoint instead of run?)"), found);
            }
            found.put(ref, o.get());
        }
        for (Observed o : found.values()) {
            if (!o.record().usable()) {
                return record(check, Outcome.unknown(check.describe(),
                        "observation '" + o.record().name() + "' is unusable: " + o.record().problem()), found);
            }
        }
        return record(check, outcome(check, found), found);
    }

    private static Outcome outcome(CheckSpec c, Map<String, Observed> found) {
        ObservationRecord in = get(found, c.in());
        ObservationRecord earlier = get(found, c.earlier());
        ObservationRecord later = get(found, c.later());
        ObservationRecord idRef = get(found, c.idSameAs() != null ? c.idSameAs() : c.idNewAgainst());
        ObservationKind kind = c.relation().reads().iterator().next();
        for (ObservationRecord o : new ObservationRecord[] {in, earlier, later, idRef}) {
            if (o != null && ObservationKind.of(o.kind()).filter(c.relation().reads()::contains).isEmpty()) {
                return Outcome.unknown(c.describe(), "observation '" + o.name() + "' is a " + o.kind()
                        + " observation; " + c.relation().word() + " reads " + c.relation().reads());
            }
        }
        return switch (kind) {
            case NODES -> NodeRelations.evaluate(c, in, earlier, later);
            case MEMBERS, STATUS, HEALTH -> EtcdRelations.evaluate(c, in, earlier, later, idRef);
            case LAYOUT, UNIT, FILES -> DiskRelations.evaluate(c, in);
        };
    }

    private static ObservationRecord get(Map<String, Observed> found, String name) {
        return name == null ? null : found.get(name).record();
    }

    private static CheckRecord record(CheckSpec c, Outcome o, Map<String, Observed> found) {
        String evidence = o.verdict() == Verdict.PASS ? "" : Evidence.of(c.name(), c.describe(), o, new ArrayList<>(found.values()));
        return new CheckRecord(c.name(), c.describe(), o.expected(), o.observed(), o.verdict(), c.prediction(), evidence);
    }

    /** Builds the evidence text of a FAIL or UNKNOWN. */
    static final class Evidence {
        private static final int MAX_LINES = 40;

        private Evidence() {
        }

        static String of(String name, String relation, Outcome o, List<Observed> observed) {
            StringBuilder sb = new StringBuilder();
            sb.append(o.verdict()).append(": ").append(name).append('\n');
            sb.append("  relation: ").append(relation).append('\n');
            sb.append("  expected: ").append(o.expected()).append('\n');
            sb.append("  observed: ").append(o.observed()).append('\n');
            for (Observed ob : observed) {
                ObservationRecord r = ob.record();
                sb.append("  observation '").append(r.name()).append("': ").append(r.kind()).append(" from ")
                        .append(r.from()).append(" at ").append(r.at()).append('\n');
                ob.commands().forEach(cmd -> sb.append("    $ ").append(cmd.command()).append("   # on ").append(cmd.node())
                        .append(", ").append(cmd.exitStatus() == null ? "no exit status received" : "exited " + cmd.exitStatus())
                        .append('\n').append(indent(trim(cmd.stdout()))).append(indent(trim(cmd.stderr()))));
            }
            return sb.toString();
        }

        private static String trim(String text) {
            if (text == null || text.isBlank()) {
                return "";
            }
            String[] lines = text.split("\n", -1);
            if (lines.length <= MAX_LINES) {
                return text.endsWith("\n") ? text : text + "\n";
            }
            return String.join("\n", java.util.Arrays.copyOf(lines, MAX_LINES)) + "\n... (" + (lines.length - MAX_LINES)
                    + " more lines in the run record)\n";
        }

        private static String indent(String text) {
            return text.isEmpty() ? "" : text.replaceAll("(?m)^", "      ");
        }
    }
}
