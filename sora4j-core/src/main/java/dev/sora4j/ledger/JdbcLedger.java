package dev.sora4j.ledger;

import dev.sora4j.config.Redact;
import dev.sora4j.internal.sql.LedgerSchema;
import dev.sora4j.model.VideoJob;
import java.nio.file.Path;
import java.sql.Connection;
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
 * The ledger's one semantics over JDBC: every statement here is portable SQL that SQLite and PostgreSQL
 * both run, and the schema comes from the same numbered migrations ({@link LedgerSchema}). The
 * subclasses only open the connection their way ({@link SqliteLedger}, {@link PostgresLedger}).
 * Writes are committed before a call returns. Every job records the operating-system user who sent
 * it, and {@code @last} is that user's last job, so people sharing one ledger do not act on each
 * other's jobs by accident.
 */
public abstract class JdbcLedger implements Ledger {
    private final String location;
    private final Connection db;
    private final Clock clock;
    private final String user;

    /**
     * A ledger over an open, migrated connection in auto-commit mode.
     *
     * @param location where the ledger is, for messages (a path, or a URL without credentials)
     * @param db the connection, owned by this ledger from now on
     * @param clock the clock for timestamps
     * @param user the operating-system user recorded on new jobs
     */
    protected JdbcLedger(String location, Connection db, Clock clock, String user) {
        this.location = location;
        this.db = db;
        this.clock = clock;
        this.user = user;
    }

    /**
     * Where the ledger is, for messages: a file path, or a database URL without credentials.
     *
     * @return the location
     */
    public final String location() {
        return location;
    }

    /**
     * The operating-system user this ledger records on new jobs and whose {@code @last} it resolves.
     *
     * @return the user name
     */
    public final String user() {
        return user;
    }

    @Override
    public final synchronized long intent(Intent i) {
        long now = clock.millis();
        return write(() -> {
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO jobs (kind, request_hash, params, prompt, model, size, seconds, profile, base_url,
                      estimated_cost, batch_key, batch_line, status, created_at, updated_at, provider, os_user)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sending', ?, ?, ?, ?)
                    RETURNING seq""")) {
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
                    ps.setNull(10, Types.DOUBLE);
                } else {
                    ps.setDouble(10, i.estimatedCost());
                }
                ps.setString(11, i.batchKey());
                ps.setInt(12, i.batchLine());
                ps.setLong(13, now);
                ps.setLong(14, now);
                ps.setString(15, i.provider() == null ? "openai" : i.provider());
                ps.setString(16, user);
                long seq;
                // The row is inserted once the result is read and closed (SQLite steps RETURNING lazily).
                try (ResultSet keys = ps.executeQuery()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
                event(seq, "intent", i.requestHash());
                return seq;
            }
        });
    }

    @Override
    public final synchronized void created(long seq, String id, String status) {
        update(seq, "UPDATE jobs SET video_id = ?, status = ?, error = NULL, updated_at = ? WHERE seq = ?", id, status);
        event(seq, "created", id);
    }

    @Override
    public final synchronized void adopt(long seq, String videoId, String status) {
        update(
                seq,
                "UPDATE jobs SET video_id = ?, status = ?, error = NULL, updated_at = ? WHERE seq = ?",
                videoId,
                status);
        event(seq, "adopted", videoId);
    }

    @Override
    public final synchronized void refused(long seq, String error) {
        update(seq, "UPDATE jobs SET status = 'refused', error = ?, updated_at = ? WHERE seq = ?", error);
        event(seq, "refused", error);
    }

    @Override
    public final synchronized void uncertain(long seq, String error) {
        update(seq, "UPDATE jobs SET status = 'unknown', error = ?, updated_at = ? WHERE seq = ?", error);
        event(seq, "unknown", error);
    }

    @Override
    public final synchronized void notSent(long seq, String error) {
        update(seq, "UPDATE jobs SET status = 'not_sent', error = ?, updated_at = ? WHERE seq = ?", error);
        event(seq, "not_sent", error);
    }

    @Override
    public final synchronized void status(VideoJob job) {
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
    public final synchronized void downloaded(String videoId, Path path, long size, String sha256) {
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
    public final synchronized void downloadStarted(String videoId, String variant, Path path) {
        find(videoId).ifPresent(e -> event(e.seq(), "download_started", PendingDownload.detail(variant, path)));
    }

    @Override
    public final synchronized void downloadEnded(String videoId, String variant, Path path) {
        find(videoId).ifPresent(e -> event(e.seq(), "download_ended", PendingDownload.detail(variant, path)));
    }

    @Override
    public final synchronized List<PendingDownload> pendingDownloads() {
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
    public final synchronized Optional<LedgerEntry> find(String ref) {
        String r = ref.strip();
        if (r.equals("@last")) {
            // Per user on a shared ledger; entries from before users were recorded count as everyone's.
            return one(
                    "SELECT * FROM jobs WHERE video_id IS NOT NULL AND (os_user = ? OR os_user IS NULL)"
                            + " ORDER BY seq DESC LIMIT 1",
                    user);
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
    public final synchronized List<LedgerEntry> list(String status, int limit) {
        return status == null
                ? many("SELECT * FROM jobs ORDER BY seq DESC LIMIT ?", limit)
                : many("SELECT * FROM jobs WHERE status = ? ORDER BY seq DESC LIMIT ?", status, limit);
    }

    @Override
    public final synchronized Set<String> knownIds() {
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
    public final synchronized List<LedgerEntry> batch(String batchKey) {
        return many("SELECT * FROM jobs WHERE batch_key = ? ORDER BY batch_line, seq", batchKey);
    }

    @Override
    public final synchronized void runStarted(String batchKey, String args) {
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
    public final synchronized void runFinished(String batchKey) {
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement("UPDATE runs SET finished_at = ? WHERE batch_key = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, batchKey);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public final synchronized List<String> unfinishedRuns() {
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
    public final synchronized List<RunRecord> unfinishedRunRecords() {
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
    public final synchronized void forgetRun(String batchKey) {
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
    public final synchronized List<String> events(long seq) {
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
    public final synchronized void close() {
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
            throw new LedgerException("Ledger " + location + ": " + e.getMessage(), e);
        }
    }
}
