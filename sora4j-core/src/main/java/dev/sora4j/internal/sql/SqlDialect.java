package dev.sora4j.internal.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the ledger's databases: the auto-numbered key's DDL, where the schema
 * version is kept, and how concurrent migrations are kept apart. Everything else is shared SQL.
 */
public enum SqlDialect {
    /**
     * SQLite keeps the ledger's version in {@code PRAGMA user_version} (where every ledger file since
     * the first release has it) and migrates under SQLite's own write lock.
     */
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT") {
        @Override
        public int version(Connection db, String component) throws SQLException {
            requireLedger(component);
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                return rs.getInt(1);
            }
        }

        @Override
        public void setVersion(Connection db, String component, int version) throws SQLException {
            requireLedger(component);
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA user_version = " + version);
            }
        }

        @Override
        public void lockSchema(Connection db) {
            // SQLite's file lock (with the busy timeout) keeps writers apart; the first DDL takes it.
        }

        private static void requireLedger(String component) {
            if (!component.equals(LedgerSchema.COMPONENT)) {
                throw new IllegalArgumentException("SQLite keeps only the ledger's schema, not " + component);
            }
        }
    },
    /**
     * PostgreSQL keeps each component's version in a {@code schema_version} table and serialises
     * migrations with a transaction-scoped advisory lock, so machines starting together migrate once.
     */
    POSTGRES("BIGSERIAL PRIMARY KEY") {
        /** An arbitrary constant ("sora4j" in ASCII) naming the migration lock. */
        private static final long MIGRATION_LOCK = 0x736f7261346aL;

        @Override
        public int version(Connection db, String component) throws SQLException {
            try (PreparedStatement ps = db.prepareStatement("SELECT version FROM schema_version WHERE component = ?")) {
                ps.setString(1, component);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        }

        @Override
        public void setVersion(Connection db, String component, int version) throws SQLException {
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO schema_version (component, version, applied_at) VALUES (?, ?, now())
                    ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = now()""")) {
                ps.setString(1, component);
                ps.setInt(2, version);
                ps.executeUpdate();
            }
        }

        @Override
        public void lockSchema(Connection db) throws SQLException {
            try (Statement st = db.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS schema_version (
                          component TEXT PRIMARY KEY,
                          version INTEGER NOT NULL,
                          applied_at TIMESTAMPTZ NOT NULL
                        )""");
            }
        }
    };

    private final String serial;

    SqlDialect(String serial) {
        this.serial = serial;
    }

    /** The migration's SQL with the dialect's words in place. */
    public String ddl(String portable) {
        return portable.replace("{serial}", serial);
    }

    /** The component's schema version, 0 when it has none yet (inside the migration transaction). */
    public abstract int version(Connection db, String component) throws SQLException;

    /** Records the component's schema version (inside the migration transaction). */
    public abstract void setVersion(Connection db, String component, int version) throws SQLException;

    /** Keeps other openers out of the migration until this transaction ends. */
    public abstract void lockSchema(Connection db) throws SQLException;
}
