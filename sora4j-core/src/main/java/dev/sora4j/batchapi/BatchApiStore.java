package dev.sora4j.batchapi;

import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.internal.sql.SqliteConnections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Batch API flow and the webhook receiver remember, in its own SQLite file (by default
 * {@code batches.db} beside the job ledger, mode 0600): submissions and each of their calls (written
 * as {@code sending} before the call and {@code done} with the answer's id after), the custom_id of
 * every line, collected results, finished downloads and webhook deliveries. Every write is committed
 * before the method returns, so a run killed at any point finds, on the next run, exactly which calls
 * may have reached the server and reconciles those instead of repeating them.
 *
 * <p>A separate file keeps the job ledger's schema untouched; {@code PRAGMA user_version} versions
 * this one.
 */
public final class BatchApiStore implements AutoCloseable {
    static final int SCHEMA_VERSION = 1;
    /** A call recorded before it was sent; its answer (if any) was not recorded. */
    public static final String SENDING = "sending";
    /** A call whose answer is recorded. */
    public static final String DONE = "done";

    private static final List<String> MIGRATIONS = List.of("""
            CREATE TABLE submissions (
              key TEXT PRIMARY KEY,
              input TEXT NOT NULL,
              base_url TEXT,
              completion_window TEXT NOT NULL,
              estimated_cost REAL,
              created_at INTEGER NOT NULL,
              input_file_state TEXT,
              input_file_id TEXT,
              batch_state TEXT,
              batch_id TEXT
            );
            CREATE INDEX submissions_batch ON submissions(batch_id);
            CREATE TABLE submission_lines (
              key TEXT NOT NULL,
              custom_id TEXT NOT NULL,
              line INTEGER NOT NULL,
              prompt TEXT,
              PRIMARY KEY (key, custom_id)
            );
            CREATE TABLE uploads (
              key TEXT NOT NULL,
              line INTEGER NOT NULL,
              path TEXT NOT NULL,
              filename TEXT NOT NULL,
              state TEXT NOT NULL,
              file_id TEXT,
              PRIMARY KEY (key, line)
            );
            CREATE TABLE collected (
              batch_id TEXT NOT NULL,
              custom_id TEXT NOT NULL,
              line INTEGER,
              video_id TEXT,
              status TEXT NOT NULL,
              error TEXT,
              PRIMARY KEY (batch_id, custom_id)
            );
            CREATE TABLE downloads (
              video_id TEXT NOT NULL,
              variant TEXT NOT NULL,
              path TEXT NOT NULL,
              bytes INTEGER NOT NULL,
              sha256 TEXT NOT NULL,
              at INTEGER NOT NULL,
              PRIMARY KEY (video_id, variant)
            );
            CREATE TABLE deliveries (
              webhook_id TEXT PRIMARY KEY,
              event_id TEXT,
              type TEXT NOT NULL,
              data_id TEXT,
              body TEXT NOT NULL,
              state TEXT NOT NULL,
              detail TEXT,
              received_at INTEGER NOT NULL,
              done_at INTEGER
            );
            """);

    private final Connection db;
    private final Clock clock;
    private final Path file;

    private BatchApiStore(Connection db, Clock clock, Path file) {
        this.db = db;
        this.clock = clock;
        this.file = file;
    }

    /**
     * Opens (creating with mode 0600 if needed) and migrates the store.
     *
     * @param file e.g. {@code ~/.sora4j/batches.db}
     * @param clock stamps the records
     * @return the store; close it when done
     * @throws ConfigException when the file cannot be created or opened
     */
    public static BatchApiStore open(Path file, Clock clock) {
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            if (!Files.exists(abs)) {
                try {
                    Files.createFile(
                            abs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(abs);
                }
            }
        } catch (IOException e) {
            throw new ConfigException("ledger", "Cannot create " + abs + ": " + e.getMessage());
        }
        return connect(abs.toString(), clock, abs);
    }

    /**
     * A store that lives only as long as this object (no crash safety; for tests and one-off scripts).
     *
     * @param clock stamps the records
     * @return the store
     */
    public static BatchApiStore inMemory(Clock clock) {
        return connect(":memory:", clock, null);
    }

    private static BatchApiStore connect(String target, Clock clock, Path file) {
        try {
            Connection db = SqliteConnections.open(target);
            migrate(db);
            return new BatchApiStore(db, clock, file);
        } catch (SQLException e) {
            throw new ConfigException("ledger", "Cannot open the batch store " + target + ": " + e.getMessage());
        }
    }

    private static void migrate(Connection db) throws SQLException {
        int version;
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new ConfigException(
                    "ledger", "The batch store has schema version " + version + ", newer than this sora4j; upgrade.");
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

    /**
     * Where the store lives.
     *
     * @return the file, or empty for an in-memory store
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    // ---- submissions ----

    /**
     * One submission: the calls it made and their answers.
     *
     * @param key the submission key (sha256 prefix of the input as it will be sent)
     * @param input the jobs file
     * @param completionWindow e.g. {@code 24h}
     * @param estimatedCost batch-priced estimate, if known
     * @param createdAt epoch millis
     * @param inputFileState null (not sent), {@link #SENDING} or {@link #DONE}
     * @param inputFileId the uploaded JSONL, once known
     * @param batchState null, {@link #SENDING} or {@link #DONE}
     * @param batchId the batch, once known
     */
    public record Submission(
            String key,
            String input,
            String completionWindow,
            Double estimatedCost,
            long createdAt,
            String inputFileState,
            String inputFileId,
            String batchState,
            String batchId) {}

    /**
     * Records a submission and the custom_id of each line, unless already recorded.
     *
     * @param key the submission key
     * @param input the jobs file
     * @param baseUrl the API root it goes to
     * @param completionWindow e.g. {@code 24h}
     * @param estimatedCost the estimate, or null
     * @param lines custom_id to (line number, prompt)
     * @return the submission as recorded (an earlier run's, when there was one)
     */
    public synchronized Submission begin(
            String key,
            String input,
            String baseUrl,
            String completionWindow,
            Double estimatedCost,
            Map<String, Map.Entry<Integer, String>> lines) {
        return write(() -> {
            db.setAutoCommit(false);
            try {
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT OR IGNORE INTO submissions (key, input, base_url, completion_window, estimated_cost, "
                                + "created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, key);
                    ps.setString(2, input);
                    ps.setString(3, baseUrl);
                    ps.setString(4, completionWindow);
                    ps.setObject(5, estimatedCost);
                    ps.setLong(6, clock.millis());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT OR IGNORE INTO submission_lines (key, custom_id, line, prompt) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<String, Map.Entry<Integer, String>> e : lines.entrySet()) {
                        ps.setString(1, key);
                        ps.setString(2, e.getKey());
                        ps.setInt(3, e.getValue().getKey());
                        ps.setString(4, e.getValue().getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
            return submission(key).orElseThrow();
        });
    }

    /**
     * A submission by key.
     *
     * @param key the submission key
     * @return it, if recorded
     */
    public synchronized Optional<Submission> submission(String key) {
        return one("SELECT * FROM submissions WHERE key = ?", key);
    }

    /**
     * The submission that created a batch.
     *
     * @param batchId the batch
     * @return it, if this store made it
     */
    public synchronized Optional<Submission> submissionOfBatch(String batchId) {
        return one("SELECT * FROM submissions WHERE batch_id = ?", batchId);
    }

    /**
     * The newest submission that has a batch id ({@code @last}).
     *
     * @return it, if any
     */
    public synchronized Optional<Submission> lastSubmission() {
        return one("SELECT * FROM submissions WHERE batch_id IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT 1");
    }

    /**
     * Marks the input-file upload as sent or answered.
     *
     * @param key the submission
     * @param state {@link #SENDING} or {@link #DONE}
     * @param fileId the file id with {@link #DONE}
     */
    public synchronized void inputFile(String key, String state, String fileId) {
        update("UPDATE submissions SET input_file_state = ?, input_file_id = ? WHERE key = ?", state, fileId, key);
    }

    /**
     * Marks the batch create as sent or answered.
     *
     * @param key the submission
     * @param state {@link #SENDING} or {@link #DONE}
     * @param batchId the batch id with {@link #DONE}
     */
    public synchronized void batch(String key, String state, String batchId) {
        update("UPDATE submissions SET batch_state = ?, batch_id = ? WHERE key = ?", state, batchId, key);
    }

    /**
     * custom_id to line number of a submission.
     *
     * @param key the submission
     * @return the lines
     */
    public synchronized Map<String, Integer> lines(String key) {
        return read(() -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps =
                    db.prepareStatement("SELECT custom_id, line FROM submission_lines WHERE key = ? ORDER BY line")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    // ---- image uploads ----

    /**
     * A first-frame image upload of one line.
     *
     * @param line the jobs-file line
     * @param path the local image
     * @param filename the name it is uploaded under
     * @param state {@link #SENDING} or {@link #DONE}
     * @param fileId its id once answered
     */
    public record Upload(int line, String path, String filename, String state, String fileId) {}

    /**
     * Records an image upload as sent, or its answer.
     *
     * @param key the submission
     * @param upload the upload's state
     */
    public synchronized void upload(String key, Upload upload) {
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR REPLACE INTO uploads (key, line, path, filename, state, file_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setInt(2, upload.line());
                ps.setString(3, upload.path());
                ps.setString(4, upload.filename());
                ps.setString(5, upload.state());
                ps.setString(6, upload.fileId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The image uploads of a submission, by line.
     *
     * @param key the submission
     * @return what was recorded
     */
    public synchronized Map<Integer, Upload> uploads(String key) {
        return read(() -> {
            Map<Integer, Upload> out = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT * FROM uploads WHERE key = ? ORDER BY line")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(
                                rs.getInt("line"),
                                new Upload(
                                        rs.getInt("line"),
                                        rs.getString("path"),
                                        rs.getString("filename"),
                                        rs.getString("state"),
                                        rs.getString("file_id")));
                    }
                }
            }
            return out;
        });
    }

    // ---- collect ----

    /**
     * What collect found for one line.
     *
     * @param customId the line's custom_id
     * @param line its jobs-file line, if known
     * @param videoId the job it created, if any
     * @param status the job's last status, or {@code refused}
     * @param error why it failed, if it did
     */
    public record CollectedLine(String customId, Integer line, String videoId, String status, String error) {}

    /**
     * Records what collect found for a line.
     *
     * @param batchId the batch
     * @param c the line
     */
    public synchronized void collected(String batchId, CollectedLine c) {
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR REPLACE INTO collected (batch_id, custom_id, line, video_id, status, error) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, batchId);
                ps.setString(2, c.customId());
                ps.setObject(3, c.line());
                ps.setString(4, c.videoId());
                ps.setString(5, c.status());
                ps.setString(6, c.error());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A finished download.
     *
     * @param videoId the job
     * @param variant {@code video}, {@code thumbnail} or {@code spritesheet}
     * @param path where it is
     * @param bytes its size
     * @param sha256 its hash
     */
    public record Download(String videoId, String variant, String path, long bytes, String sha256) {}

    /**
     * Records a finished download (after the file is in place).
     *
     * @param d the download
     */
    public synchronized void downloaded(Download d) {
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR REPLACE INTO downloads (video_id, variant, path, bytes, sha256, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, d.videoId());
                ps.setString(2, d.variant());
                ps.setString(3, d.path());
                ps.setLong(4, d.bytes());
                ps.setString(5, d.sha256());
                ps.setLong(6, clock.millis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A recorded download.
     *
     * @param videoId the job
     * @param variant the asset
     * @return it, if recorded
     */
    public synchronized Optional<Download> download(String videoId, String variant) {
        return read(() -> {
            try (PreparedStatement ps =
                    db.prepareStatement("SELECT * FROM downloads WHERE video_id = ? AND variant = ?")) {
                ps.setString(1, videoId);
                ps.setString(2, variant);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Download(
                            rs.getString("video_id"),
                            rs.getString("variant"),
                            rs.getString("path"),
                            rs.getLong("bytes"),
                            rs.getString("sha256")));
                }
            }
        });
    }

    /**
     * Every recorded download.
     *
     * @return all of them, oldest first
     */
    public synchronized List<Download> downloads() {
        return read(() -> {
            List<Download> out = new ArrayList<>();
            try (Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM downloads ORDER BY at, rowid")) {
                while (rs.next()) {
                    out.add(new Download(
                            rs.getString("video_id"),
                            rs.getString("variant"),
                            rs.getString("path"),
                            rs.getLong("bytes"),
                            rs.getString("sha256")));
                }
            }
            return out;
        });
    }

    // ---- webhook deliveries ----

    /**
     * A webhook delivery as received.
     *
     * @param webhookId the {@code webhook-id} header (stable across the sender's retries)
     * @param eventId the event's {@code id}
     * @param type e.g. {@code video.completed}
     * @param dataId the object the event is about
     * @param body the raw body
     * @param state {@code pending}, {@code done} or {@code failed}
     * @param detail what processing did or why it failed
     */
    public record Delivery(
            String webhookId, String eventId, String type, String dataId, String body, String state, String detail) {}

    /**
     * Records a verified delivery as pending, unless its webhook-id is already known.
     *
     * @param d the delivery
     * @return true when recorded now, false when the webhook-id was already there (a replay)
     */
    public synchronized boolean received(Delivery d) {
        return write(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT OR IGNORE INTO deliveries (webhook_id, event_id, type, data_id, body, state, received_at) "
                            + "VALUES (?, ?, ?, ?, ?, 'pending', ?)")) {
                ps.setString(1, d.webhookId());
                ps.setString(2, d.eventId());
                ps.setString(3, d.type());
                ps.setString(4, d.dataId());
                ps.setString(5, d.body());
                ps.setLong(6, clock.millis());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records how processing a delivery ended.
     *
     * @param webhookId the delivery
     * @param state {@code done} or {@code failed}
     * @param detail what happened
     */
    public synchronized void processed(String webhookId, String state, String detail) {
        update(
                "UPDATE deliveries SET state = ?, detail = ?, done_at = " + clock.millis() + " WHERE webhook_id = ?",
                state,
                detail,
                webhookId);
    }

    /**
     * Deliveries in a state, oldest first.
     *
     * @param state {@code pending}, {@code done}, {@code failed}, or null for all
     * @return them
     */
    public synchronized List<Delivery> deliveries(String state) {
        return read(() -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT * FROM deliveries WHERE (? IS NULL OR state = ?) ORDER BY received_at, rowid")) {
                ps.setString(1, state);
                ps.setString(2, state);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Delivery(
                                rs.getString("webhook_id"),
                                rs.getString("event_id"),
                                rs.getString("type"),
                                rs.getString("data_id"),
                                rs.getString("body"),
                                rs.getString("state"),
                                rs.getString("detail")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new SoraException("Could not close the batch store: " + e.getMessage(), e);
        }
    }

    private Optional<Submission> one(String sql, String... args) {
        return read(() -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    double cost = rs.getDouble("estimated_cost");
                    return Optional.of(new Submission(
                            rs.getString("key"),
                            rs.getString("input"),
                            rs.getString("completion_window"),
                            rs.wasNull() ? null : cost,
                            rs.getLong("created_at"),
                            rs.getString("input_file_state"),
                            rs.getString("input_file_id"),
                            rs.getString("batch_state"),
                            rs.getString("batch_id")));
                }
            }
        });
    }

    private void update(String sql, String... args) {
        write(() -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private <T> T write(Sql<T> body) {
        return read(body);
    }

    private <T> T read(Sql<T> body) {
        try {
            return body.run();
        } catch (SQLException e) {
            throw new SoraException(
                    "The batch store " + (file == null ? "(in memory)" : file) + " failed: " + e.getMessage(), e);
        }
    }
}
