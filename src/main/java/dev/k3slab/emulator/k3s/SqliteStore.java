package dev.k3slab.emulator.k3s;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A node's SQLite datastore as kine keeps it: a real {@code state.db} (WAL journal) with a
 * kine-shaped table where every write appends a row and the newest row of a key wins. Node
 * objects live under {@code /registry/minions/<name>} as JSON. The connection stays open while the
 * node's K3s runs, so {@code state.db-wal} and {@code state.db-shm} exist as on a real node.
 */
final class SqliteStore implements NodeStore, AutoCloseable {
    private static final String PREFIX = "/registry/minions/";
    private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS kine (id INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " name TEXT, created INTEGER, deleted INTEGER, create_revision INTEGER, prev_revision INTEGER,"
            + " lease INTEGER, value BLOB, old_value BLOB)";

    private final String node;
    private final Path db;
    private final ObjectMapper json;
    private Connection connection;

    SqliteStore(String node, Path db, ObjectMapper json) {
        this.node = node;
        this.db = db;
        this.json = json;
    }

    @Override
    public String id() {
        return "sqlite:" + node;
    }

    Path file() {
        return db;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            try {
                Files.createDirectories(db.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + db);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute(SCHEMA);
                s.execute("CREATE INDEX IF NOT EXISTS kine_name_index ON kine (name)");
            }
        }
        return connection;
    }

    /** Opens the database (creating it and its schema): what kine does at start. */
    void open() {
        try {
            connection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + db + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<NodeObject> list() {
        String sql = "SELECT k.value, k.deleted FROM kine k JOIN (SELECT MAX(id) AS mid FROM kine WHERE name LIKE ?"
                + " GROUP BY name) m ON k.id = m.mid ORDER BY k.name";
        List<NodeObject> nodes = new ArrayList<>();
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setString(1, PREFIX + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(2) == 0) {
                        nodes.add(json.readValue(rs.getBytes(1), NodeObject.class));
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read Node objects from " + db + ": " + e.getMessage(), e);
        }
        return nodes;
    }

    @Override
    public Optional<NodeObject> get(String name) {
        return list().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    @Override
    public void put(NodeObject node) {
        write(node.name(), node, 0);
    }

    @Override
    public void delete(String name) {
        get(name).ifPresent(n -> write(name, n, 1));
    }

    private void write(String name, NodeObject value, int deleted) {
        String sql = "INSERT INTO kine (name, created, deleted, create_revision, prev_revision, lease, value, old_value)"
                + " VALUES (?, ?, ?, 0, 0, 0, ?, NULL)";
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setString(1, PREFIX + name);
            ps.setInt(2, deleted == 0 ? 1 : 0);
            ps.setInt(3, deleted);
            ps.setBytes(4, json.writeValueAsBytes(value));
            ps.executeUpdate();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot write Node " + name + " to " + db + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes the connection as a killed kine leaves it: SQLite removes {@code -wal}/{@code -shm} on
     * a clean close, a killed process does not, so they are put back (empty WAL, 32 KiB shm).
     */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        discard();
        leaveJournalFiles(db);
    }

    /** Closes without touching the files (the disk was replaced, e.g. a checkpoint restore). */
    void discard() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close " + db + ": " + e.getMessage(), e);
        } finally {
            connection = null;
        }
    }

    /** Puts back the journal files a running kine keeps (what {@code ls} shows after the process ended). */
    static void leaveJournalFiles(Path db) {
        try {
            Path wal = db.resolveSibling(db.getFileName() + "-wal");
            Path shm = db.resolveSibling(db.getFileName() + "-shm");
            if (Files.isDirectory(db.getParent())) {
                if (!Files.exists(wal)) {
                    Files.write(wal, new byte[0]);
                }
                if (!Files.exists(shm)) {
                    Files.write(shm, new byte[32768]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
