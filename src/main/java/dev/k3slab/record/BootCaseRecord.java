package dev.k3slab.record;

/**
 * One cell of the boot matrix (join flags x etcd data present/absent) as an experiment observed it.
 *
 * @param command        the row: {@code no-join-flags}, {@code server-and-token}, {@code cluster-init}, {@code cluster-reset}
 * @param etcdDataPresent the column: whether {@code db/etcd/member/wal} existed when the server started
 * @param node           the node that started
 * @param outcome        what it did, in words (e.g. "rejoined as the existing member", "new single-node SQLite cluster")
 * @param experiment     the id of the experiment that observed it
 */
public record BootCaseRecord(String command, boolean etcdDataPresent, String node, String outcome,
                             String experiment) {
}
