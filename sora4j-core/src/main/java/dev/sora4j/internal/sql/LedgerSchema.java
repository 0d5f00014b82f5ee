package dev.sora4j.internal.sql;

import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.SoraException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ledger's schema as numbered migrations, written once in SQL that SQLite and PostgreSQL both run;
 * the only dialect word is {@code {serial}} (an auto-numbered primary key). Migration {@code n} (from
 * 1) takes the schema from version {@code n - 1} to {@code n}; a dialect keeps the version number
 * ({@link SqlDialect#version}). Numbers only grow: a released migration is never edited.
 */
public final class LedgerSchema {
    /** The ledger's component name in {@code schema_version}. */
    public static final String COMPONENT = "ledger";

    public static final List<String> MIGRATIONS = List.of(
            // Version 1.
            """
            CREATE TABLE jobs (
              seq {serial},
              kind TEXT NOT NULL,
              request_hash TEXT NOT NULL,
              params TEXT NOT NULL,
              prompt TEXT,
              model TEXT,
              size TEXT,
              seconds TEXT,
              profile TEXT,
              base_url TEXT,
              estimated_cost DOUBLE PRECISION,
              batch_key TEXT,
              batch_line INTEGER NOT NULL DEFAULT 0,
              video_id TEXT,
              status TEXT NOT NULL,
              progress INTEGER NOT NULL DEFAULT 0,
              error TEXT,
              created_at BIGINT NOT NULL,
              updated_at BIGINT NOT NULL,
              download_path TEXT,
              download_size BIGINT,
              download_sha256 TEXT
            );
            CREATE INDEX jobs_video ON jobs(video_id);
            CREATE INDEX jobs_batch ON jobs(batch_key, batch_line);
            CREATE TABLE runs (
              batch_key TEXT PRIMARY KEY,
              args TEXT NOT NULL,
              started_at BIGINT NOT NULL,
              finished_at BIGINT
            );
            CREATE TABLE events (
              id {serial},
              seq BIGINT NOT NULL REFERENCES jobs(seq),
              at BIGINT NOT NULL,
              kind TEXT NOT NULL,
              detail TEXT
            );
            """,
            // Version 2: the provider profile each job was sent to; older jobs went to OpenAI's protocol.
            """
            ALTER TABLE jobs ADD COLUMN provider TEXT NOT NULL DEFAULT 'openai'
            """,
            // Version 3: who sent each job, so @last on a shared ledger is the user's own last job.
            """
            ALTER TABLE jobs ADD COLUMN os_user TEXT;
            CREATE INDEX jobs_user ON jobs(os_user, seq)
            """);

    /** The schema version this sora4j writes. */
    public static final int VERSION = MIGRATIONS.size();

    private LedgerSchema() {}

    /**
     * Brings a component's schema to its newest version in one transaction: refuses a database from a
     * newer sora4j, then runs each missing migration in order. Concurrent openers are serialised by the
     * dialect's lock.
     *
     * @param db the connection (auto-commit on; restored on return)
     * @param dialect the database's dialect
     * @param component the schema's component name
     * @param migrations the component's migrations, version 1 first
     * @param where the database, for messages
     * @throws SQLException when a statement fails (everything is rolled back)
     */
    public static void migrate(
            Connection db, SqlDialect dialect, String component, List<String> migrations, String where)
            throws SQLException {
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            dialect.lockSchema(db);
            int version = dialect.version(db, component);
            if (version > migrations.size()) {
                throw new ConfigException(
                        "ledger",
                        "The ledger " + where + " has " + component + " schema version " + version
                                + ", newer than this sora4j (" + migrations.size() + "). Upgrade sora4j, or point "
                                + SoraException.ref("ledger") + " elsewhere.");
            }
            for (int v = version; v < migrations.size(); v++) {
                for (String sql : dialect.ddl(migrations.get(v)).split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
                dialect.setVersion(db, component, v + 1);
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }
}
