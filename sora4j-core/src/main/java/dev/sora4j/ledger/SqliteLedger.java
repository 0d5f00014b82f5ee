package dev.sora4j.ledger;

import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.internal.sql.LedgerSchema;
import dev.sora4j.internal.sql.SqlDialect;
import dev.sora4j.internal.sql.SqliteConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/**
 * The ledger in an embedded SQLite file (default {@code ~/.sora4j/ledger.db}, mode 0600): the
 * default for one machine. WAL mode lets several sora processes share the file, {@code PRAGMA
 * user_version} tracks the schema, and a file about to be migrated is backed up first.
 */
public final class SqliteLedger extends JdbcLedger {
    static final int SCHEMA_VERSION = LedgerSchema.VERSION;

    private final Path file;

    private SqliteLedger(Path file, Connection db, Clock clock, String user) {
        super(file.toString(), db, clock, user);
        this.file = file;
    }

    /**
     * Opens the ledger at {@code file} for the current operating-system user.
     *
     * @param clock the clock
     * @param file the file
     * @return the open ledger
     * @throws ConfigException when the file cannot be created or opened, or is from a newer sora4j
     */
    public static SqliteLedger open(Path file, Clock clock) {
        return open(file, clock, System.getProperty("user.name", ""));
    }

    /**
     * Opens (creating with mode 0600 if needed) and migrates the ledger at {@code file}.
     *
     * @param clock the clock
     * @param file the file
     * @param user the operating-system user recorded on new jobs
     * @return the open ledger
     * @throws ConfigException when the file cannot be created or opened, or is from a newer sora4j
     */
    public static SqliteLedger open(Path file, Clock clock, String user) {
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            LedgerGuard.createIfAbsent(abs);
            LedgerGuard.checkFile(abs);
        } catch (IOException | SQLException e) {
            throw new ConfigException(
                    "ledger",
                    "Cannot create the ledger " + abs + ": " + e.getMessage() + ". Set " + SoraException.ref("ledger")
                            + " or SORA4J_LEDGER to a writable place.");
        }
        try {
            Connection db = SqliteConnections.open(abs.toString());
            try {
                LedgerGuard.checkIntegrity(db, abs);
                // VACUUM INTO cannot run inside the migration's transaction: back up first.
                if (SqlDialect.SQLITE.version(db, LedgerSchema.COMPONENT) < SCHEMA_VERSION && hasTables(db)) {
                    LedgerGuard.backup(db, abs, clock.instant());
                }
                LedgerSchema.migrate(
                        db, SqlDialect.SQLITE, LedgerSchema.COMPONENT, LedgerSchema.MIGRATIONS, abs.toString());
            } catch (RuntimeException | SQLException e) {
                db.close();
                throw e;
            }
            return new SqliteLedger(abs, db, clock, user);
        } catch (SQLException e) {
            throw new ConfigException("ledger", "Cannot open the ledger " + abs + ": " + e.getMessage());
        }
    }

    private static boolean hasTables(Connection db) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return rs.getInt(1) > 0;
        }
    }

    /**
     * The database file.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }
}
