package dev.k3slab.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what the commands the harness runs on the nodes print, exactly as the real tools print
 * it (K3s v1.27.9, etcdctl 3.5, GNU ls, systemd, the K3s install script).
 *
 * <p>Contract for every method: pure (no I/O, no clock), thread-safe, {@code text} not null.
 * Tables are read by header name, never by column position. Input that does not have the
 * expected shape raises {@link ParseException} naming the format expected, the line number and
 * the line (never the token); no other exception escapes. A probe that says "not reachable" (the
 * apiserver refused, an etcd endpoint timed out, a folder is missing) is an observation, not
 * unreadable output: {@link #apiserverRefused}, {@link #endpointFailure} and {@link #lsMissing}
 * recognise it.
 */
public final class Parsers {

    private Parsers() {
    }

    /**
     * {@code kubectl get nodes}: the plain table, {@code -o wide} (tabwriter-aligned, or with runs
     * of spaces collapsed as in copied transcripts), or {@code -o json} (a List or a single Node).
     * {@code No resources found} gives an empty list.
     *
     * <p>JSON carries creation times rather than AGE; AGE is then computed against the newest time
     * the document shows (a condition heartbeat or transition), so {@code ageSeconds} stays a lower
     * bound. Use {@link #kubectlNodes(String, Instant)} to give the time of the observation.
     */
    public static List<NodeRow> kubectlNodes(String text) {
        return kubectlNodes(text, null);
    }

    /** As {@link #kubectlNodes(String)}, with JSON ages computed at {@code now} (ignored for tables; null allowed). */
    public static List<NodeRow> kubectlNodes(String text, Instant now) {
        return KubectlNodes.parse(Objects.requireNonNull(text, "text"), now);
    }

    /** True when kubectl said {@code The connection to the server <host:port> was refused - did you specify the right host or port?}. */
    public static boolean apiserverRefused(String text) {
        return KubectlNodes.apiserverRefused(Objects.requireNonNull(text, "text"));
    }

    /** AGE as kubectl prints a duration: apimachinery v0.27.9 {@code HumanDuration} (reference §6). */
    public static String humanDuration(Duration d) {
        return HumanDuration.format(Objects.requireNonNull(d, "d"));
    }

    /**
     * The least number of seconds a printed AGE can stand for: {@code 3m48s} → 228, {@code 14m} →
     * 840, {@code 2d} → 172800. Only what {@link #humanDuration} can print is accepted.
     */
    public static long ageLowerBound(String age) {
        return HumanDuration.lowerBound(Objects.requireNonNull(age, "age"));
    }

    /**
     * {@code etcdctl member list}: {@code -w table}, the default simple form or {@code -w json}
     * (decimal uint64 IDs beyond {@link Long#MAX_VALUE}, or {@code --hex} strings). IDs come back
     * in lower-case hex without leading zeros. The etcd client's JSON log lines are skipped.
     */
    public static List<EtcdMember> etcdMembers(String text) {
        return EtcdMembers.parse(Objects.requireNonNull(text, "text"));
    }

    /**
     * {@code etcdctl endpoint status}: {@code -w table}, simple or {@code -w json}. Lines saying
     * {@code Failed to get the status of endpoint X (...)} are not rows and not errors: they are
     * skipped (an output of only such lines gives an empty list); {@link #endpointFailure} reads them.
     */
    public static List<EndpointStatus> endpointStatus(String text) {
        return EtcdEndpoints.status(Objects.requireNonNull(text, "text"));
    }

    /** The endpoint named by the first {@code Failed to get the status of endpoint X (...)} line: etcd was not reachable there. */
    public static Optional<String> endpointFailure(String text) {
        return EtcdEndpoints.failure(Objects.requireNonNull(text, "text"));
    }

    /**
     * {@code etcdctl endpoint health}: {@code -w table}, simple ({@code is healthy} / {@code is
     * unhealthy} lines) or {@code -w json}; a closing {@code Error: unhealthy cluster} is allowed.
     */
    public static List<EndpointHealth> endpointHealth(String text) {
        return EtcdEndpoints.health(Objects.requireNonNull(text, "text"));
    }

    /**
     * {@code ls -al} of ONE folder: a {@code total N} line and {@code # path} comment lines are
     * skipped; {@code .} and {@code ..} are kept. Listings of several folders in one text are not
     * read. An {@code ls: ...} error line is a ParseException; see {@link #lsMissing}.
     */
    public static List<LsEntry> ls(String text) {
        return LsListing.parse(Objects.requireNonNull(text, "text"));
    }

    /** True when ls said {@code ls: cannot access '...': No such file or directory}. */
    public static boolean lsMissing(String text) {
        return LsListing.missing(Objects.requireNonNull(text, "text"));
    }

    /**
     * The datastore {@code server/db/} shows, from {@code ls -al} of {@code db/} and of
     * {@code db/etcd/} (either may be empty when the folder is missing): {@code state.db} →
     * SQLITE (it wins over a leftover {@code etcd/member/}, as in experiment 4b); else
     * {@code etcd/member/} → MIGRATED beside {@code state.db.migrated}, ETCD otherwise; else NONE.
     */
    public static DbLayout dbLayout(List<LsEntry> db, List<LsEntry> dbEtcd) {
        return LsListing.layout(Objects.requireNonNull(db, "db"), Objects.requireNonNull(dbEtcd, "dbEtcd"));
    }

    /**
     * The K3s unit as {@code systemctl cat} prints it, or as the install script writes it: the
     * ExecStart words, unquoted. A unit without ExecStart= in [Service] is a ParseException.
     */
    public static UnitFile unit(String systemctlCatText) {
        return SystemdUnit.parse(Objects.requireNonNull(systemctlCatText, "systemctlCatText"));
    }

    /** A systemd env file ({@code k3s.service.env}): its variables in file order, values unquoted. */
    public static Map<String, String> envFile(String text) {
        return EnvFile.parse(Objects.requireNonNull(text, "text"));
    }

    /**
     * The node token file's content, checked ({@code K10<64 hex>::<user>:<password>} or a bare
     * secret) and without its newline. Error messages never quote it.
     */
    public static String nodeToken(String text) {
        return NodeToken.parse(Objects.requireNonNull(text, "text"));
    }

    /** The install script's {@code [INFO]} messages in order, prefix removed. */
    public static List<String> installInfo(String text) {
        return InstallOutput.info(Objects.requireNonNull(text, "text"));
    }
}
