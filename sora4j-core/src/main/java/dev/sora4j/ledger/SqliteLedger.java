package dev.sora4j.ledger;

import dev.sora4j.config.Redact;
import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.model.VideoJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger in an embedded SQLite file (default {@code ~/.sora4j/ledger.db}, mode 0600). Writes
 * are committed before the call returns, WAL mode lets several sora processes share the file, and
 * {@code PRAGMA user_version} tracks the schema for migrations.
 */
public final class SqliteLedger implements Ledger {
    static final int SCHEMA_VERSION = 2;

    private static final List<String> MIGRATIONS = List.of(
            // Version 1.
            """
            CREATE TABLE jobs (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              kind TEXT NOT NULL,
              request_hash TEXT NOT NULL,
              params TEXT NOT NULL,
              prompt TEXT,
              model TEXT,
              size TEXT,
              seconds TEXT,
              profile TEXT,
              base_url TEXT,
              estimated_cost REAL,
              batch_key TEXT,
              batch_line INTEGER NOT NULL DEFAULT 0,
              video_id TEXT,
              status TEXT NOT NULL,
              progress INTEGER NOT NULL DEFAULT 0,
              error TEXT,
              created_at INTEGER NOT NULL,
              updated_at INTEGER NOT NULL,
              download_path TEXT,
              download_size INTEGER,
              download_sha256 TEXT
            );
            CREATE INDEX jobs_video ON jobs(video_id);
            CREATE INDEX jobs_batch ON jobs(batch_key, batch_line);
            CREATE TABLE runs (
              batch_key TEXT PRIMARY KEY,
              args TEXT NOT NULL,
              started_at INTEGER NOT NULL,
              finished_at INTEGER
            );
            CREATE TABLE events (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              seq INTEGER NOT NULL REFERENCES jobs(seq),
              at INTEGER NOT NULL,
              kind TEXT NOT NULL,
              detail TEXT
            );
            """,
            // Version 2: the provider profile each job was sent to; older jobs went to OpenAI's protocol.
            """
            ALTER TABLE jobs ADD COLUMN provider TEXT NOT NULL DEFAULT 'openai'
            """);

    private final Path file;
    private final Connection db;
    private final Clock clock;

    private SqliteLedger(Path file, Connection db, Clock clock) {
        this.file = file;
        this.db = db;
        this.clock = clock;
    }

    /**
     * Opens (creating with mode 0600 if needed) and migrates the ledger at {@code file}.
     *
     * @param clock the clock
     * @param file the file
     * @return the open
     * @throws ConfigException when the file cannot be created or opened, or is from a newer sora4j
     */
    public static SqliteLedger open(Path file, Clock clock) {
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
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + abs);
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = FULL");
                st.execute("PRAGMA foreign_keys = ON");
            }
            try {
                LedgerGuard.checkIntegrity(db, abs);
                migrate(db, abs, clock);
            } catch (RuntimeException | SQLException e) {
                db.close();
                throw e;
            }
            return new SqliteLedger(abs, db, clock);
        } catch (SQLException e) {
            throw new ConfigException("ledger", "Cannot open the ledger " + abs + ": " + e.getMessage());
        }
    }

    private static void migrate(Connection db, Path file, Clock clock) throws SQLException {
        int version;
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new ConfigException(
                    "ledger",
                    "The ledger " + file + " has schema version " + version + ", newer than this sora4j ("
                            + SCHEMA_VERSION + "). Upgrade sora4j, or point " + SoraException.ref("ledger")
                            + " elsewhere.");
        }
        if (version < SCHEMA_VERSION && hasTables(db)) {
            LedgerGuard.backup(db, file, clock.instant());
        }
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            for (int v = version; v < SCHEMA_VERSION; v++) {
                for (String sql : MIGRATIONS.get(v).split(";")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
                st.execute("PRAGMA user_version = " + (v + 1));
            }
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
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

    @Override
    public synchronized long intent(Intent i) {
        long now = clock.millis();
        return write(() -> {
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO jobs (kind, request_hash, params, prompt, model, size, seconds, profile, base_url,
                      estimated_cost, batch_key, batch_line, status, created_at, updated_at, provider)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sending', ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, i.kind());
                ps.setString(2, i.requestHash());
                ps.setString(3, i.params());
                ps.setString(4, i.prompt());
                ps.setString(5, i.model());
                ps.setString(6, i.size());
                ps.setString(7, i.seconds());
                ps.setString(8, i.profile());
                // Stored redacted whoever built the intent: user info or a query may hold a key.
                ps.setString(9, Redact.baseUrl(i.baseUrl()));
                if (i.estimatedCost() == null) {
                    ps.setNull(10, Types.REAL);
                } else {
                    ps.setDouble(10, i.estimatedCost());
                }
                ps.setString(11, i.batchKey());
                ps.setInt(12, i.batchLine());
                ps.setLong(13, now);
                ps.setLong(14, now);
                ps.setString(15, i.provider() == null ? "openai" : i.provider());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    long seq = keys.getLong(1);
                    event(seq, "intent", i.requestHash());
                    return seq;
                }
            }
        });
    }

    @Override
    public synchronized void created(long seq, String id, String status) {
        update(seq, "UPDATE jobs SET video_id = ?, status = ?, error = NULL, updated_at = ? WHERE seq = ?", id, status);
        event(seq, "created", id);
    }

    @Override
    public synchronized void adopt(long seq, String videoId, String status) {
        update(
                seq,
                "UPDATE jobs SET video_id = ?, status = ?, error = NULL, updated_at = ? WHERE seq = ?",
                videoId,
                status);
        event(seq, "adopted", videoId);
    }

    @Override
    public synchronized void refused(long seq, String error) {
        update(seq, "UPDATE jobs SET status = 'refused', error = ?, updated_at = ? WHERE seq = ?", error);
        event(seq, "refused", error);
    }

    @Override
    public synchronized void uncertain(long seq, String error) {
        update(seq, "UPDATE jobs SET status = 'unknown', error = ?, updated_at = ? WHERE seq = ?", error);
        event(seq, "unknown", error);
    }

    @Override
    public synchronized void notSent(long seq, String error) {
        update(seq, "UPDATE jobs SET status = 'not_sent', error = ?, updated_at = ? WHERE seq = ?", error);
        event(seq, "not_sent", error);
    }

    @Override
    public synchronized void status(VideoJob job) {
        if (job.id() == null) {
            return;
        }
        String error = job.error().map(e -> e.code() + ": " + e.message()).orElse(null);
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement("""
                    UPDATE jobs SET status = ?, progress = ?, error = ?, updated_at = ?
                    WHERE video_id = ? AND (status <> ? OR progress <> ?)""")) {
                ps.setString(1, job.status().value());
                ps.setInt(2, job.progress());
                ps.setString(3, error);
                ps.setLong(4, clock.millis());
                ps.setString(5, job.id());
                ps.setString(6, job.status().value());
                ps.setInt(7, job.progress());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public synchronized void downloaded(String videoId, Path path, long size, String sha256) {
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement("""
                    UPDATE jobs SET download_path = ?, download_size = ?, download_sha256 = ?, updated_at = ?
                    WHERE video_id = ?""")) {
                ps.setString(1, path.toAbsolutePath().toString());
                ps.setLong(2, size);
                ps.setString(3, sha256);
                ps.setLong(4, clock.millis());
                ps.setString(5, videoId);
                return ps.executeUpdate();
            }
        });
        find(videoId).ifPresent(e -> event(e.seq(), "downloaded", path + " " + sha256));
    }

    @Override
    public synchronized void downloadStarted(String videoId, String variant, Path path) {
        find(videoId).ifPresent(e -> event(e.seq(), "download_started", PendingDownload.detail(variant, path)));
    }

    @Override
    public synchronized void downloadEnded(String videoId, String variant, Path path) {
        find(videoId).ifPresent(e -> event(e.seq(), "download_ended", PendingDownload.detail(variant, path)));
    }

    @Override
    public synchronized List<PendingDownload> pendingDownloads() {
        return read(() -> {
            List<PendingDownload> out = new ArrayList<>();
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("""
                            SELECT j.video_id, s.detail FROM events s JOIN jobs j ON j.seq = s.seq
                            WHERE s.kind = 'download_started' AND j.video_id IS NOT NULL
                              AND s.id = (SELECT MAX(l.id) FROM events l
                                          WHERE l.seq = s.seq AND l.kind = 'download_started' AND l.detail = s.detail)
                              AND NOT EXISTS (SELECT 1 FROM events f WHERE f.seq = s.seq AND f.kind = 'download_ended'
                                              AND f.detail = s.detail AND f.id > s.id)
                            ORDER BY s.id""")) {
                while (rs.next()) {
                    PendingDownload.parse(rs.getString(1), rs.getString(2)).ifPresent(out::add);
                }
            }
            return out;
        });
    }

    @Override
    public synchronized Optional<LedgerEntry> find(String ref) {
        String r = ref.strip();
        if (r.equals("@last")) {
            return one("SELECT * FROM jobs WHERE video_id IS NOT NULL ORDER BY seq DESC LIMIT 1");
        }
        if (r.startsWith("@")) {
            long n;
            try {
                n = Long.parseLong(r.substring(1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return one("SELECT * FROM jobs WHERE seq = ?", n);
        }
        return one("SELECT * FROM jobs WHERE video_id = ? ORDER BY seq DESC LIMIT 1", r);
    }

    @Override
    public synchronized List<LedgerEntry> list(String status, int limit) {
        return status == null
                ? many("SELECT * FROM jobs ORDER BY seq DESC LIMIT ?", limit)
                : many("SELECT * FROM jobs WHERE status = ? ORDER BY seq DESC LIMIT ?", status, limit);
    }

    @Override
    public synchronized Set<String> knownIds() {
        return read(() -> {
            Set<String> ids = new HashSet<>();
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("SELECT video_id FROM jobs WHERE video_id IS NOT NULL")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    @Override
    public synchronized List<LedgerEntry> batch(String batchKey) {
        return many("SELECT * FROM jobs WHERE batch_key = ? ORDER BY batch_line, seq", batchKey);
    }

    @Override
    public synchronized void runStarted(String batchKey, String args) {
        write(() -> {
            try (PreparedStatement ps =
                    db.prepareStatement("INSERT INTO runs (batch_key, args, started_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT(batch_key) DO UPDATE SET args = excluded.args, finished_at = NULL")) {
                ps.setString(1, batchKey);
                ps.setString(2, args);
                ps.setLong(3, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public synchronized void runFinished(String batchKey) {
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement("UPDATE runs SET finished_at = ? WHERE batch_key = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, batchKey);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public synchronized List<String> unfinishedRuns() {
        return read(() -> {
            List<String> out = new ArrayList<>();
            try (Statement st = db.createStatement();
                    ResultSet rs =
                            st.executeQuery("SELECT args FROM runs WHERE finished_at IS NULL ORDER BY started_at")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized List<RunRecord> unfinishedRunRecords() {
        return read(() -> {
            List<RunRecord> out = new ArrayList<>();
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT batch_key, args, started_at FROM runs WHERE finished_at IS NULL ORDER BY started_at")) {
                while (rs.next()) {
                    out.add(new RunRecord(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void forgetRun(String batchKey) {
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM runs WHERE batch_key = ?")) {
                ps.setString(1, batchKey);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The events of one job, oldest first, as {@code at kind detail} lines.
     *
     * @param seq the ledger number of the entry
     * @return the events
     */
    public synchronized List<String> events(long seq) {
        List<String> out = new ArrayList<>();
        read(() -> {
            try (PreparedStatement ps =
                    db.prepareStatement("SELECT at, kind, detail FROM events WHERE seq = ? ORDER BY id")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Instant.ofEpochMilli(rs.getLong(1)) + " " + rs.getString(2)
                                + (rs.getString(3) == null ? "" : " " + rs.getString(3)));
                    }
                }
            }
            return null;
        });
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // Closing a read-only or already closed connection: nothing to keep.
        }
    }

    private void update(long seq, String sql, String... values) {
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                int i = 1;
                for (String v : values) {
                    ps.setString(i++, v);
                }
                ps.setLong(i++, clock.millis());
                ps.setLong(i, seq);
                return ps.executeUpdate();
            }
        });
    }

    private void event(long seq, String kind, String detail) {
        write(() -> {
            try (PreparedStatement ps =
                    db.prepareStatement("INSERT INTO events (seq, at, kind, detail) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setLong(2, clock.millis());
                ps.setString(3, kind);
                ps.setString(4, detail);
                return ps.executeUpdate();
            }
        });
    }

    private Optional<LedgerEntry> one(String sql, Object... args) {
        List<LedgerEntry> rows = many(sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<LedgerEntry> many(String sql, Object... args) {
        return read(() -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<LedgerEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
                return out;
            }
        });
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        double cost = rs.getDouble("estimated_cost");
        Double estimated = rs.wasNull() ? null : cost;
        long size = rs.getLong("download_size");
        Long downloadSize = rs.wasNull() ? null : size;
        return new LedgerEntry(
                rs.getLong("seq"),
                rs.getString("kind"),
                rs.getString("request_hash"),
                rs.getString("params"),
                rs.getString("prompt"),
                rs.getString("model"),
                rs.getString("size"),
                rs.getString("seconds"),
                rs.getString("profile"),
                rs.getString("provider"),
                rs.getString("base_url"),
                estimated,
                rs.getString("batch_key"),
                rs.getInt("batch_line"),
                rs.getString("video_id"),
                rs.getString("status"),
                rs.getInt("progress"),
                rs.getString("error"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"),
                rs.getString("download_path"),
                downloadSize,
                rs.getString("download_sha256"));
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private <T> T write(Sql<T> action) {
        return read(action);
    }

    private <T> T read(Sql<T> action) {
        try {
            return action.run();
        } catch (SQLException e) {
            throw new LedgerException("Ledger " + file + ": " + e.getMessage(), e);
        }
    }
}
