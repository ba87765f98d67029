package dev.k3slab.observe;

/**
 * Which datastore the files under {@code /var/lib/rancher/k3s/server/db/} show.
 * Derived from {@code ls -al} of {@code db/} and of {@code db/etcd/}.
 */
public enum DbLayout {
    /** {@code state.db} present, no {@code etcd/member/}: SQLite through kine. */
    SQLITE,
    /** {@code etcd/member/} present, no {@code state.db}: embedded etcd (joined). */
    ETCD,
    /** {@code etcd/member/} beside {@code state.db.migrated}: embedded etcd after SQLite migration. */
    MIGRATED,
    /** Neither: no datastore yet (or the folder does not exist). */
    NONE
}
