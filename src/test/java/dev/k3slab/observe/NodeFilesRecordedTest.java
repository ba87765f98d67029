package dev.k3slab.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every {@code ls -al} block of the seed, and the datastore layout each server's listings show. */
class NodeFilesRecordedTest {

    private static List<LsEntry> ls(String fixture) {
        return Parsers.ls(Fixtures.read("ls/" + fixture));
    }

    private static DbLayout layout(String db, String dbEtcd) {
        return Parsers.dbLayout(ls(db), dbEtcd == null ? List.of() : ls(dbEtcd));
    }

    @Test
    void experiment1_aSqliteServerHasStateDbAndAnEtcdFolderWithOnlyItsName() {
        assertThat(ls("exp1-cp1-db.txt")).extracting(LsEntry::name, LsEntry::type, LsEntry::mode, LsEntry::size)
                .containsExactly(tuple("etcd", "directory", "drwx------", 4096L), tuple("state.db", "file", "-rw-r--r--", 3895296L),
                        tuple("state.db-shm", "file", "-rw-r--r--", 32768L), tuple("state.db-wal", "file", "-rw-r--r--", 4400192L));
        assertThat(ls("exp1-cp1-db-etcd.txt")).containsExactly(new LsEntry("name", "file", "-rw-------", 13));
        assertThat(layout("exp1-cp1-db.txt", "exp1-cp1-db-etcd.txt")).isEqualTo(DbLayout.SQLITE);
    }

    @Test
    void experiment1_anAgentHasNoServerFolder() {
        assertThat(ls("exp1-w1-k3s.txt")).extracting(LsEntry::name, LsEntry::type).containsExactly(
                tuple("agent", "directory"), tuple("data", "directory"));
    }

    @Test
    void experiment2_clusterInitMigratesSqliteIntoEtcd() {
        assertThat(ls("exp2-cp1-db.txt")).extracting(LsEntry::name, LsEntry::size).containsExactly(
                tuple("etcd", 4096L), tuple("snapshots", 4096L), tuple("state.db.migrated", 4546560L),
                tuple("state.db-shm", 32768L), tuple("state.db-wal", 0L));
        assertThat(ls("exp2-cp1-db-etcd.txt")).extracting(LsEntry::name, LsEntry::type).containsExactly(
                tuple("config", "file"), tuple("member", "directory"), tuple("name", "file"));
        assertThat(layout("exp2-cp1-db.txt", "exp2-cp1-db-etcd.txt")).isEqualTo(DbLayout.MIGRATED);
    }

    @Test
    void experiment2_aJoinedServerHasEtcdAndNoStateDb() {
        assertThat(ls("exp2-cp2-db.txt")).extracting(LsEntry::name).containsExactly("etcd", "snapshots");
        assertThat(layout("exp2-cp2-db.txt", "exp2-cp2-db-etcd.txt")).isEqualTo(DbLayout.ETCD);
    }

    @Test
    void experiment4b_aNewStateDbBesideTheOldEtcdFolderIsSqlite() {
        List<LsEntry> db = ls("exp4b-cp3-db.txt");
        assertThat(db).extracting(LsEntry::name).containsExactly(".", "..", "etcd", "snapshots", "state.db",
                "state.db-shm", "state.db-wal");
        assertThat(db.get(4).size()).isEqualTo(2007040);
        // The listing of db/etcd/ was not shown; its member/ (WAL deleted) would not change the verdict.
        assertThat(layout("exp4b-cp3-db.txt", null)).isEqualTo(DbLayout.SQLITE);
        assertThat(Parsers.dbLayout(db, ls("exp2-cp2-db-etcd.txt"))).isEqualTo(DbLayout.SQLITE);
        assertThat(ls("exp4b-cp3-db.aligned.txt")).isEqualTo(db);
    }

    @Test
    void experiment4c_uninstallRemovesTheDataFolderThenAFreshSqliteServerStarts() {
        String missing = Fixtures.read("ls/exp4c-cp3-k3s-missing.txt");
        assertThat(Parsers.lsMissing(missing)).isTrue();
        assertThatThrownBy(() -> Parsers.ls(missing)).isInstanceOf(ParseException.class).hasMessageContaining("does not exist");
        assertThat(Parsers.lsMissing(Fixtures.read("ls/exp4c-cp3-db.txt"))).isFalse();
        assertThat(ls("exp4c-cp3-db.txt")).extracting(LsEntry::name, LsEntry::size).containsExactly(
                tuple(".", 4096L), tuple("..", 4096L), tuple("etcd", 4096L), tuple("state.db", 32768L),
                tuple("state.db-shm", 32768L), tuple("state.db-wal", 0L));
        assertThat(ls("exp4c-cp3-db-etcd.txt")).extracting(LsEntry::name).containsExactly(".", "..", "name");
        assertThat(layout("exp4c-cp3-db.txt", "exp4c-cp3-db-etcd.txt")).isEqualTo(DbLayout.SQLITE);
    }

    @Test
    void noDatastoreFilesMeansNone() {
        assertThat(Parsers.dbLayout(List.of(), List.of())).isEqualTo(DbLayout.NONE);
        assertThat(Parsers.dbLayout(ls("exp2-cp2-db.txt"), ls("exp1-cp1-db-etcd.txt"))).isEqualTo(DbLayout.NONE);
    }

    @Test
    void symlinksLoseTheirTargetAndNamesKeepTheirSpaces() {
        assertThat(ls("constructed-server-symlinks.aligned.txt")).extracting(LsEntry::name, LsEntry::type).containsExactly(
                tuple(".", "directory"), tuple("..", "directory"), tuple("agent-token", "symlink"), tuple("cred", "directory"),
                tuple("db", "directory"), tuple("node-token.bak", "file"), tuple("node-token", "symlink"),
                tuple("my notes", "directory"), tuple("token", "file"), tuple("old file.txt", "file"));
    }
}
