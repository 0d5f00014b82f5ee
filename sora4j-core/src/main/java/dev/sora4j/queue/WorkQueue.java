package dev.sora4j.queue;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.LedgerException;
import dev.sora4j.ledger.LedgerStatus;
import dev.sora4j.ledger.PostgresLedger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The work queue's tables on the shared PostgreSQL ledger. Lines are claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} under an expiring lease that the holder renews; a line
 * whose lease expired (its worker died) can be claimed again, and its worker then finds the earlier
 * intent in the ledger and reconciles with the server before sending anything. The budget is checked
 * while the queue's row is locked: a line reserves its estimated cost when first claimed, so workers
 * together never start more than {@code max_cost} allows. Each call is one transaction.
 */
public final class WorkQueue implements AutoCloseable {
    /** The queue tables' component name in {@code schema_version}. */
    public static final String COMPONENT = "queue";

    static final List<String> MIGRATIONS = List.of(
            // Version 1.
            """
            CREATE TABLE queues (
              name TEXT PRIMARY KEY,
              max_cost DOUBLE PRECISION,
              cancelled BOOLEAN NOT NULL DEFAULT FALSE,
              created_at TIMESTAMPTZ NOT NULL DEFAULT now()
            );
            CREATE TABLE queue_items (
              id {serial},
              queue TEXT NOT NULL REFERENCES queues(name),
              source TEXT NOT NULL,
              line INTEGER NOT NULL,
              raw TEXT NOT NULL,
              base_dir TEXT NOT NULL,
              out_name TEXT NOT NULL,
              model TEXT,
              size TEXT,
              seconds TEXT,
              augment BOOLEAN NOT NULL,
              estimated_cost DOUBLE PRECISION NOT NULL DEFAULT 0,
              state TEXT NOT NULL DEFAULT 'pending',
              reserved BOOLEAN NOT NULL DEFAULT FALSE,
              claims INTEGER NOT NULL DEFAULT 0,
              lease_owner TEXT,
              lease_until TIMESTAMPTZ,
              video_id TEXT,
              download_path TEXT,
              error TEXT,
              added_by TEXT,
              updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
            );
            CREATE UNIQUE INDEX queue_items_out ON queue_items(queue, out_name);
            CREATE INDEX queue_items_claim ON queue_items(queue, state, id);
            CREATE TABLE rate_limits (
              limit_key TEXT PRIMARY KEY,
              next_at TIMESTAMPTZ NOT NULL
            )
            """);

    private static final double EPSILON = 1e-9;

    private final PostgresLedger ledger;
    private final Connection db;

    private WorkQueue(PostgresLedger ledger, Connection db) {
        this.ledger = ledger;
        this.db = db;
    }

    /**
     * Opens the queue tables beside {@code ledger}, creating or migrating them first.
     *
     * @param ledger the shared ledger (its database holds the queue)
     * @return the queue, with its own connection
     */
    public static WorkQueue open(PostgresLedger ledger) {
        ledger.migrate(COMPONENT, MIGRATIONS);
        return new WorkQueue(ledger, ledger.newConnection());
    }

    /**
     * The key of a queue's jobs in the ledger: every line's intent is recorded under it, by item id.
     *
     * @param queue the queue's name
     * @return the ledger batch key
     */
    public static String batchKey(String queue) {
        return "queue:" + queue;
    }

    /**
     * Adds lines to a queue (creating it), all or none.
     *
     * @param queue the queue's name
     * @param maxCost the queue's budget in USD; null keeps the current one
     * @param lines the validated lines
     * @param addedBy the operating-system user who adds them
     * @return how many lines were added
     * @throws InvalidRequestException when a line's output name is already in the queue (nothing added)
     */
    public synchronized int add(String queue, Double maxCost, List<QueueLine> lines, String addedBy) {
        return tx(() -> {
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO queues (name, max_cost) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET max_cost = COALESCE(excluded.max_cost, queues.max_cost),
                      cancelled = FALSE""")) {
                ps.setString(1, queue);
                setDouble(ps, 2, maxCost);
                ps.executeUpdate();
            }
            try (PreparedStatement taken =
                    db.prepareStatement("SELECT source, line FROM queue_items WHERE queue = ? AND out_name = ?")) {
                for (QueueLine l : lines) {
                    taken.setString(1, queue);
                    taken.setString(2, l.outName());
                    try (ResultSet rs = taken.executeQuery()) {
                        if (rs.next()) {
                            throw new InvalidRequestException(
                                    "input",
                                    l.source() + " line " + l.line() + ": output '" + l.outName()
                                            + "' is already queued in '" + queue + "' (" + rs.getString(1) + " line "
                                            + rs.getInt(2) + "); give it another \"out\". Nothing was added.");
                        }
                    }
                }
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO queue_items (queue, source, line, raw, base_dir, out_name, model, size, seconds,
                      augment, estimated_cost, added_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (QueueLine l : lines) {
                    ps.setString(1, queue);
                    ps.setString(2, l.source());
                    ps.setInt(3, l.line());
                    ps.setString(4, l.raw());
                    ps.setString(5, l.baseDir());
                    ps.setString(6, l.outName());
                    ps.setString(7, l.defaults().model());
                    ps.setString(8, l.defaults().size());
                    ps.setString(9, l.defaults().seconds());
                    ps.setBoolean(10, l.defaults().augment());
                    ps.setDouble(11, l.estimatedCost());
                    ps.setString(12, addedBy);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return lines.size();
        });
    }

    /**
     * Claims up to {@code max} lines for {@code worker}: pending ones, and claimed ones whose lease
     * expired. A line that would take the queue past its budget is marked skipped instead.
     *
     * @param queue the queue's name
     * @param worker the worker's id
     * @param max the most lines to claim
     * @param lease how long the claim holds without renewal
     * @return the claimed lines, oldest first; empty when none is free or the queue is cancelled
     */
    public synchronized List<QueueItem> claim(String queue, String worker, int max, Duration lease) {
        return tx(() -> {
            Double maxCost;
            try (PreparedStatement ps =
                    db.prepareStatement("SELECT max_cost, cancelled FROM queues WHERE name = ? FOR UPDATE")) {
                ps.setString(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getBoolean(2)) {
                        return List.<QueueItem>of();
                    }
                    double m = rs.getDouble(1);
                    maxCost = rs.wasNull() ? null : m;
                }
            }
            double reserved = reserved(queue);
            List<QueueItem> claimed = new ArrayList<>();
            List<long[]> skipped = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("""
                    SELECT id, source, line, raw, base_dir, out_name, model, size, seconds, augment, estimated_cost,
                      reserved, claims
                    FROM queue_items
                    WHERE queue = ? AND (state = 'pending' OR (state = 'claimed' AND lease_until < now()))
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                ps.setString(1, queue);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double cost = rs.getDouble(11);
                        boolean already = rs.getBoolean(12);
                        if (!already && maxCost != null && reserved + cost > maxCost + EPSILON) {
                            skipped.add(new long[] {rs.getLong(1)});
                            continue;
                        }
                        if (!already) {
                            reserved += cost;
                        }
                        QueueLine line = new QueueLine(
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                cost,
                                new LineDefaults(rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10)));
                        claimed.add(new QueueItem(rs.getLong(1), queue, line, rs.getInt(13) + 1));
                    }
                }
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    UPDATE queue_items SET state = 'claimed', reserved = TRUE, claims = claims + 1, lease_owner = ?,
                      lease_until = now() + ? * INTERVAL '1 millisecond', updated_at = now()
                    WHERE id = ?""")) {
                for (QueueItem item : claimed) {
                    ps.setString(1, worker);
                    ps.setLong(2, lease.toMillis());
                    ps.setLong(3, item.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    UPDATE queue_items SET state = 'skipped', lease_owner = NULL, lease_until = NULL, updated_at = now(),
                      error = ?
                    WHERE id = ?""")) {
                for (long[] id : skipped) {
                    ps.setString(
                            1,
                            String.format(
                                    Locale.ROOT,
                                    "not sent: the queue's budget (--max-cost %.2f) would be exceeded",
                                    maxCost));
                    ps.setLong(2, id[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return claimed;
        });
    }

    /**
     * Extends the leases {@code worker} holds.
     *
     * @param worker the worker's id
     * @param lease the new lease, from now
     * @return how many lines it holds
     */
    public synchronized int renew(String worker, Duration lease) {
        return tx(() -> {
            try (PreparedStatement ps = db.prepareStatement("""
                    UPDATE queue_items SET lease_until = now() + ? * INTERVAL '1 millisecond'
                    WHERE lease_owner = ? AND state = 'claimed'""")) {
                ps.setLong(1, lease.toMillis());
                ps.setString(2, worker);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Records a claimed line's end, if {@code worker} still holds it (a worker that lost its lease
     * records nothing: the line's new holder will).
     *
     * @param item the line
     * @param worker the worker's id
     * @param state done, failed or skipped
     * @param videoId the job's id, or null when nothing was created
     * @param download the downloaded file, or null
     * @param error why it failed, or null
     * @return whether it was recorded
     */
    public synchronized boolean finish(
            QueueItem item, String worker, String state, String videoId, String download, String error) {
        return tx(() -> {
            try (PreparedStatement ps = db.prepareStatement("""
                    UPDATE queue_items SET state = ?, video_id = ?, download_path = ?, error = ?,
                      reserved = (? OR video_id IS NOT NULL), lease_owner = NULL, lease_until = NULL, updated_at = now()
                    WHERE id = ? AND lease_owner = ? AND state = 'claimed'""")) {
                ps.setString(1, state);
                ps.setString(2, videoId);
                ps.setString(3, download);
                ps.setString(4, error);
                // Nothing created: its reservation goes back to the budget.
                ps.setBoolean(5, videoId != null);
                ps.setLong(6, item.id());
                ps.setString(7, worker);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Gives back every line {@code worker} holds (a graceful stop): they are pending again, and their
     * next holder reconciles with the ledger and the server before sending anything.
     *
     * @param worker the worker's id
     * @return how many lines were released
     */
    public synchronized int release(String worker) {
        return tx(() -> {
            try (PreparedStatement ps = db.prepareStatement("""
                    UPDATE queue_items SET state = 'pending', lease_owner = NULL, lease_until = NULL, updated_at = now()
                    WHERE lease_owner = ? AND state = 'claimed'""")) {
                ps.setString(1, worker);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Cancels a queue: its pending lines will not be claimed; lines being worked on finish.
     *
     * @param queue the queue's name
     * @return how many pending lines were cancelled
     * @throws InvalidRequestException when there is no such queue
     */
    public synchronized int cancel(String queue) {
        return tx(() -> {
            try (PreparedStatement ps = db.prepareStatement("UPDATE queues SET cancelled = TRUE WHERE name = ?")) {
                ps.setString(1, queue);
                if (ps.executeUpdate() == 0) {
                    throw noSuchQueue(queue);
                }
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    UPDATE queue_items SET state = 'cancelled', updated_at = now()
                    WHERE queue = ? AND state = 'pending'""")) {
                ps.setString(1, queue);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The queue's progress, budget and spend (the spend from the ledger's records of its jobs).
     *
     * @param queue the queue's name
     * @return the status
     * @throws InvalidRequestException when there is no such queue
     */
    public synchronized QueueStatus status(String queue) {
        QueueStatus counted = tx(() -> {
            Double maxCost;
            boolean cancelled;
            try (PreparedStatement ps = db.prepareStatement("SELECT max_cost, cancelled FROM queues WHERE name = ?")) {
                ps.setString(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw noSuchQueue(queue);
                    }
                    double m = rs.getDouble(1);
                    maxCost = rs.wasNull() ? null : m;
                    cancelled = rs.getBoolean(2);
                }
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String s : List.of("pending", "claimed", "done", "failed", "skipped", "cancelled")) {
                counts.put(s, 0);
            }
            try (PreparedStatement ps =
                    db.prepareStatement("SELECT state, count(*) FROM queue_items WHERE queue = ? GROUP BY state")) {
                ps.setString(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            Map<String, Integer> workers = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepareStatement("""
                    SELECT lease_owner, count(*) FROM queue_items WHERE queue = ? AND state = 'claimed'
                    GROUP BY lease_owner ORDER BY lease_owner""")) {
                ps.setString(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        workers.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            List<String> failures = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("""
                    SELECT source, line, error FROM queue_items WHERE queue = ? AND state IN ('failed', 'skipped')
                    ORDER BY id LIMIT 50""")) {
                ps.setString(1, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        failures.add(rs.getString(1) + ":" + rs.getInt(2) + ": " + rs.getString(3));
                    }
                }
            }
            return new QueueStatus(queue, counts, maxCost, reserved(queue), 0, cancelled, workers, failures);
        });
        double spent = 0;
        for (LedgerEntry e : ledger.batch(batchKey(queue))) {
            spent += LedgerStatus.spend(e);
        }
        return new QueueStatus(
                counted.queue(),
                counted.counts(),
                counted.maxCost(),
                counted.reserved(),
                spent,
                counted.cancelled(),
                counted.workers(),
                counted.failures());
    }

    /**
     * The names of all queues, oldest first.
     *
     * @return the names
     */
    public synchronized List<String> names() {
        return tx(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT name FROM queues ORDER BY created_at, name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // Nothing to keep: every call committed or rolled back.
        }
    }

    private double reserved(String queue) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT COALESCE(SUM(estimated_cost), 0) FROM queue_items WHERE queue = ? AND reserved")) {
            ps.setString(1, queue);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    private static InvalidRequestException noSuchQueue(String queue) {
        return new InvalidRequestException(
                "queue", "There is no queue '" + queue + "' in the ledger; add lines with `sora queue add`.");
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private <T> T tx(Sql<T> action) {
        try {
            db.setAutoCommit(false);
            try {
                T result = action.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LedgerException("Work queue on " + ledger.location() + ": " + e.getMessage(), e);
        }
    }
}
