package dev.k3slab.check;

import dev.k3slab.observe.JoinFlags;
import dev.k3slab.record.ObservationRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Relations over what is on a node's disk: the datastore layout, file listings, the unit's flags. */
final class DiskRelations {

    private DiskRelations() {
    }

    static Outcome evaluate(CheckSpec c, ObservationRecord in) {
        return switch (c.relation()) {
            case LAYOUT_IS -> layout(c, in);
            case DB_HAS, DB_LACKS -> listing(c, in, in.dbFiles(), "server/db", c.relation() == Relation.DB_HAS);
            case FILES_HAS, FILES_LACKS -> listing(c, in, in.files(), in.name(), c.relation() == Relation.FILES_HAS);
            case PATH_MISSING -> Outcome.of(in.unavailable() != null, "the folder does not exist",
                    in.unavailable() != null ? in.unavailable() : "it exists, holding " + in.files());
            case JOIN_FLAGS -> joinFlags(c, in);
            case EXEC_START -> execStart(c, in);
            default -> throw new IllegalArgumentException("not a disk relation: " + c.relation());
        };
    }

    private static Outcome layout(CheckSpec c, ObservationRecord in) {
        String expected = "datastore layout " + c.is();
        String seen = in.layout() == null ? "no layout" : in.layout().name().toLowerCase(Locale.ROOT);
        return Outcome.of(seen.equals(c.is()), expected, "layout " + seen + ", files " + in.dbFiles());
    }

    /** Names in scenarios are relative to the listed folder; db files are recorded as {@code db/...}. */
    private static Outcome listing(CheckSpec c, ObservationRecord in, List<String> present, String where, boolean has) {
        String expected = where + (has ? " holds " : " lacks ") + c.files();
        if (present == null) {
            return Outcome.of(false, expected, in.unavailable() != null ? in.unavailable() : "no listing");
        }
        boolean db = c.relation() == Relation.DB_HAS || c.relation() == Relation.DB_LACKS;
        List<String> wrong = new ArrayList<>();
        for (String f : c.files()) {
            String name = strip(f);
            boolean there = present.contains(db ? "db/" + name : name);
            if (there != has) {
                wrong.add(name);
            }
        }
        return Outcome.of(wrong.isEmpty(), expected,
                (has ? "missing " : "present ") + wrong + "; listed " + present);
    }

    private static String strip(String f) {
        return f.endsWith("/") ? f.substring(0, f.length() - 1) : f;
    }

    private static Outcome joinFlags(CheckSpec c, ObservationRecord in) {
        String expected = "join flags: " + c.is();
        JoinFlags j = in.joinFlags();
        if (j == null) {
            return Outcome.of(false, expected, in.unavailable() != null ? in.unavailable() : "no unit read");
        }
        boolean holds = switch (c.is()) {
            case "none" -> j.none();
            case "server" -> j.server().isPresent();
            case "cluster-init" -> j.clusterInit();
            default -> j.clusterReset();
        };
        return Outcome.of(holds, expected, describe(j) + "; ExecStart " + in.execStart());
    }

    static String describe(JoinFlags j) {
        List<String> flags = new ArrayList<>();
        j.server().ifPresent(s -> flags.add("--server " + s));
        if (j.token()) {
            flags.add("a token");
        }
        if (j.clusterInit()) {
            flags.add("--cluster-init");
        }
        if (j.clusterReset()) {
            flags.add("--cluster-reset");
        }
        return flags.isEmpty() ? "no join flags" : String.join(", ", flags);
    }

    private static Outcome execStart(CheckSpec c, ObservationRecord in) {
        String expected = "ExecStart runs k3s " + c.is();
        List<String> words = in.execStart();
        if (words == null) {
            return Outcome.of(false, expected, in.unavailable() != null ? in.unavailable() : "no unit read");
        }
        List<String> args = !words.isEmpty() && words.get(0).endsWith("k3s") ? words.subList(1, words.size()) : words;
        return Outcome.of(args.equals(Arrays.asList(c.is().trim().split("\\s+"))), expected, "ExecStart " + words);
    }
}
