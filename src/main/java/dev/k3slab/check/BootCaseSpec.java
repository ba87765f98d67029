package dev.k3slab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A cell of the boot matrix that a scenario observes: which join flags a server started with,
 * whether etcd data was on its disk, and the observations that show what it did.
 *
 * @param name          the declaration's sentence
 * @param command       the matrix row
 * @param etcdData      whether {@code db/etcd/member/wal} existed when the server started
 * @param node          the server that started
 * @param inside        a nodes observation from that server
 * @param outside       a nodes observation from another server of the original cluster, or null
 * @param layout        a layout observation on that server, or null
 * @param members       a members observation after the start, or null
 * @param membersBefore a members observation before the start, or null
 * @param expected      the outcome the reference predicts, or null when only recorded
 */
public record BootCaseSpec(String name, Command command, boolean etcdData, String node, String inside, String outside,
                           String layout, String members, String membersBefore, BootOutcome expected) {
    public BootCaseSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(inside, "inside");
    }

    /** The rows of the boot matrix. */
    public enum Command {
        NO_JOIN_FLAGS, SERVER_AND_TOKEN, CLUSTER_INIT, CLUSTER_RESET;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Every observation it reads. */
    public List<String> references() {
        List<String> refs = new ArrayList<>(List.of(inside));
        for (String r : new String[] {outside, layout, members, membersBefore}) {
            if (r != null) {
                refs.add(r);
            }
        }
        return refs;
    }
}
