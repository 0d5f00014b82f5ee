package dev.sora4j.internal.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Opens SQLite connections the way every sora4j store needs them when several processes share a
 * file: write-ahead logging, full sync, a busy timeout, and {@code BEGIN IMMEDIATE} transactions.
 *
 * <p>Why immediate: a deferred transaction that reads, then writes, fails at once with
 * {@code SQLITE_BUSY} (the busy timeout does not apply to a stale snapshot) when another process wrote
 * in between, as two commands started together on a fresh ledger do while migrating it. An immediate
 * transaction takes the write lock first, so the second one waits its turn instead.
 */
public final class SqliteConnections {
    /** How long a statement waits for another process's write lock. */
    public static final int BUSY_TIMEOUT_MS = 10_000;

    private SqliteConnections() {}

    /**
     * Opens {@code jdbc:sqlite:<target>}.
     *
     * @param target a file path, or {@code :memory:}
     * @return the open connection, in auto-commit mode
     * @throws SQLException when SQLite cannot open it
     */
    public static Connection open(String target) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        Connection db = config.createConnection("jdbc:sqlite:" + target);
        if (!":memory:".equals(target)) {
            try {
                useWal(db);
            } catch (SQLException e) {
                db.close();
                throw e;
            }
        }
        return db;
    }

    /**
     * Switches a file made by an older sora4j (or by hand) to write-ahead logging; the mode is kept in
     * the file, so this runs once per file, and a file already in WAL mode is only read.
     */
    private static void useWal(Connection db) throws SQLException {
        try (Statement st = db.createStatement()) {
            String mode;
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                mode = rs.next() ? rs.getString(1) : "";
            }
            if (!"wal".equalsIgnoreCase(mode)) {
                st.execute("PRAGMA journal_mode = WAL");
            }
        }
    }
}
