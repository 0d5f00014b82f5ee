package dev.sora4j.queue;

import dev.sora4j.ledger.LedgerException;
import dev.sora4j.ledger.PostgresLedger;
import dev.sora4j.options.RequestGate;
import dev.sora4j.options.Sleeper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One request rate for every worker of a team, kept in the {@code rate_limits} table: each limit key
 * (provider, base URL, key fingerprint) has the time of its next free slot, and taking a slot moves
 * it on by {@code 60 s / rpm} in one atomic update on the database's clock. Requests are so spaced
 * evenly with no burst, which a sliding one-minute window on the server never refuses. Every worker
 * of a key must use the same rate.
 */
public final class DatabaseRateGate implements RequestGate, AutoCloseable {
    /** Slots are spaced a little wider than the rate, for the time a request takes to reach the server. */
    static final double MARGIN = 1.02;

    private final Connection db;
    private final PostgresLedger ledger;
    private final long intervalMs;
    private final Sleeper sleeper;

    /**
     * A gate at {@code requestsPerMinute}, with its own connection to the ledger's database.
     *
     * @param ledger the shared ledger (its database holds the queue tables)
     * @param requestsPerMinute the team's rate for each key
     * @param sleeper waits for the slot
     */
    public DatabaseRateGate(PostgresLedger ledger, double requestsPerMinute, Sleeper sleeper) {
        this.ledger = ledger;
        this.db = ledger.newConnection();
        this.intervalMs = (long) Math.ceil(60_000 * MARGIN / requestsPerMinute);
        this.sleeper = sleeper;
    }

    @Override
    public void acquire(String limitKey) throws InterruptedException {
        long wait = reserve(limitKey);
        if (wait > 0) {
            sleeper.sleep(Duration.ofMillis(wait));
        }
    }

    /** Takes the key's next slot; returns how long to wait for it, in ms. */
    synchronized long reserve(String limitKey) {
        try {
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO rate_limits (limit_key, next_at) VALUES (?, clock_timestamp())
                    ON CONFLICT (limit_key) DO NOTHING""")) {
                ps.setString(1, limitKey);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement("""
                    UPDATE rate_limits SET next_at = GREATEST(next_at, clock_timestamp()) + ? * INTERVAL '1 millisecond'
                    WHERE limit_key = ?
                    RETURNING CAST(EXTRACT(EPOCH FROM (next_at - clock_timestamp())) * 1000 AS BIGINT)""")) {
                ps.setLong(1, intervalMs);
                ps.setString(2, limitKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) - intervalMs;
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("Rate limit on " + ledger.location() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // Nothing to keep.
        }
    }
}
