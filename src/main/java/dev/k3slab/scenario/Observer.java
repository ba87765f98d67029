package dev.k3slab.scenario;

import dev.k3slab.check.ObservationKind;
import dev.k3slab.check.Observed;
import dev.k3slab.observe.DbLayout;
import dev.k3slab.observe.EndpointHealth;
import dev.k3slab.observe.EndpointStatus;
import dev.k3slab.observe.EtcdMember;
import dev.k3slab.observe.JoinFlags;
import dev.k3slab.observe.LsEntry;
import dev.k3slab.observe.NodeRow;
import dev.k3slab.observe.ParseException;
import dev.k3slab.observe.Parsers;
import dev.k3slab.observe.UnitFile;
import dev.k3slab.record.CommandRecord;
import dev.k3slab.record.ObservationRecord;
import dev.k3slab.shell.CommandResult;
import dev.k3slab.shell.ShellException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Observes from one node by running the real commands there and reading their output with
 * {@link Parsers}. A refused apiserver, an etcd endpoint that does not answer or a folder that does
 * not exist is an observation ({@code unavailable}); no exit status, output the parsers reject or
 * a refusal of the emulated lab makes it unusable ({@code problem}), so checks on it are UNKNOWN.
 */
final class Observer {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String NODES = "kubectl get nodes -o wide";
    static final String MEMBERS = K3sPaths.ETCDCTL + " member list -w table";
    static final String STATUS = K3sPaths.ETCDCTL + " endpoint status -w table";
    static final String HEALTH = K3sPaths.ETCDCTL + " endpoint health -w table";

    private final Commands commands;
    private final LabTime time;

    Observer(Commands commands, LabTime time) {
        this.commands = commands;
        this.time = time;
    }

    /** Observes {@code what} from {@code from}; {@code path} for files, {@code unit} for unit (else null). */
    Observed observe(ObservationKind what, String from, String name, String path, String unit) {
        Probe p = new Probe(name, what, from, time.now());
        try {
            return p.done(switch (what) {
                case NODES -> nodes(p);
                case MEMBERS -> members(p);
                case STATUS -> status(p);
                case HEALTH -> health(p);
                case LAYOUT -> layout(p);
                case UNIT -> unit(p, unit);
                case FILES -> files(p, path);
            });
        } catch (ParseException e) {
            return p.done(p.problem("the output does not read as " + e.format() + ": " + e.getMessage()));
        } catch (Unusable e) {
            return p.done(p.problem(e.getMessage()));
        }
    }

    private ObservationRecord nodes(Probe p) {
        CommandResult r = p.run(NODES);
        if (r.failed()) {
            return p.unavailable(firstLine(r.stderr()));
        }
        List<NodeRow> rows = Parsers.kubectlNodes(r.stdout(), p.at);
        return p.record(rows, null, null, null, null, null, null, null, null);
    }

    private ObservationRecord members(Probe p) {
        CommandResult r = p.run(MEMBERS);
        if (r.failed()) {
            return p.unavailable(firstLine(r.stderr()));
        }
        List<EtcdMember> members = Parsers.etcdMembers(r.stdout());
        return p.record(null, members, null, null, null, null, null, null, null);
    }

    private ObservationRecord status(Probe p) {
        CommandResult r = p.run(STATUS);
        List<EndpointStatus> rows = r.stdout().isBlank() ? List.of() : Parsers.endpointStatus(r.stdout());
        if (r.failed() || rows.isEmpty()) {
            return p.unavailable(firstLine(r.stderr()));
        }
        return p.record(null, null, rows, null, null, null, null, null, null);
    }

    private ObservationRecord health(Probe p) {
        CommandResult r = p.run(HEALTH);
        List<EndpointHealth> rows = r.stdout().isBlank() ? List.of() : Parsers.endpointHealth(r.stdout());
        if (rows.isEmpty()) {
            return p.unavailable(firstLine(r.stderr()));
        }
        return p.record(null, null, null, rows, null, null, null, null, null);
    }

    private ObservationRecord layout(Probe p) {
        List<LsEntry> db = listing(p, K3sPaths.DB_DIR + "/");
        List<LsEntry> etcd = listing(p, K3sPaths.ETCD_DIR + "/");
        List<String> files = new ArrayList<>();
        names(db).forEach(n -> files.add("db/" + n));
        names(etcd).forEach(n -> files.add("db/etcd/" + n));
        DbLayout layout = Parsers.dbLayout(db, etcd);
        return p.record(null, null, null, null, layout, files, null, null, null);
    }

    /** The entries of a folder, empty when it does not exist. */
    private List<LsEntry> listing(Probe p, String dir) {
        CommandResult r = ls(p, dir);
        return r.failed() ? List.of() : Parsers.ls(r.stdout());
    }

    /** Runs {@code ls -al path}: it failed only if the path does not exist; any other failure makes the observation unusable. */
    private static CommandResult ls(Probe p, String path) {
        CommandResult r = p.run("ls -al " + path);
        if (r.failed() && !Parsers.lsMissing(r.stderr())) {
            throw new Unusable("ls -al " + path + " " + r.describeStatus() + ": " + firstLine(r.stderr()));
        }
        return r;
    }

    private ObservationRecord unit(Probe p, String unit) {
        CommandResult cat = p.run("systemctl cat " + unit);
        if (cat.failed()) {
            return p.unavailable(firstLine(cat.stderr()));
        }
        UnitFile u = Parsers.unit(cat.stdout());
        CommandResult env = p.run("cat " + K3sPaths.envFile(unit));
        Map<String, String> vars = env.succeeded() ? Parsers.envFile(env.stdout()) : Map.of();
        return p.record(null, null, null, null, null, null, u.joinFlags(vars), u.execStart(), null);
    }

    private ObservationRecord files(Probe p, String path) {
        CommandResult r = ls(p, path);
        if (r.failed()) {
            return p.unavailable(firstLine(r.stderr()));
        }
        return p.record(null, null, null, null, null, null, null, null, names(Parsers.ls(r.stdout())));
    }

    private static List<String> names(List<LsEntry> entries) {
        return entries.stream().map(LsEntry::name).filter(n -> !n.equals(".") && !n.equals("..")).toList();
    }

    static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    /** An observation that cannot be trusted: the message says why. */
    private static final class Unusable extends RuntimeException {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** One observation being made: its commands and how it ends. */
    private final class Probe {
        final String name;
        final ObservationKind kind;
        final String from;
        final Instant at;
        final List<CommandRecord> ran = new ArrayList<>();

        Probe(String name, ObservationKind kind, String from, Instant at) {
            this.name = name;
            this.kind = kind;
            this.from = from;
            this.at = at;
        }

        /** Runs a probe command: no exit status, or a refusal of the emulated lab, makes the observation unusable. */
        CommandResult run(String command) {
            CommandResult r;
            try {
                r = commands.run(from, command, TIMEOUT);
            } catch (ShellException e) {
                throw new Unusable(command + " could not be run on " + from + ": " + e.getMessage());
            }
            ran.add(Commands.toRecord(r));
            if (r.statusUnknown()) {
                throw new Unusable(command + " on " + from + ": " + r.describeStatus() + " " + firstLine(r.stderr()));
            }
            if (r.stderr().contains("not modelled by the emulated lab")) {
                throw new Unusable(command + " on " + from + ": " + firstLine(r.stderr()));
            }
            return r;
        }

        ObservationRecord record(List<NodeRow> nodes, List<EtcdMember> members, List<EndpointStatus> status,
                                 List<EndpointHealth> health, DbLayout layout, List<String> dbFiles,
                                 JoinFlags joinFlags, List<String> execStart, List<String> files) {
            return new ObservationRecord(name, kind.word(), from, at, nodes, members, status, health, layout, dbFiles,
                    joinFlags, execStart, null, files, null);
        }

        ObservationRecord unavailable(String why) {
            return new ObservationRecord(name, kind.word(), from, at, null, null, null, null, null, null, null, null,
                    why.isEmpty() ? "no answer" : why, null, null);
        }

        ObservationRecord problem(String why) {
            return new ObservationRecord(name, kind.word(), from, at, null, null, null, null, null, null, null, null,
                    null, null, why);
        }

        Observed done(ObservationRecord r) {
            return new Observed(r, ran);
        }
    }
}
