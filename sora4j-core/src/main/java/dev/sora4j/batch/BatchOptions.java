package dev.sora4j.batch;

import static dev.sora4j.errors.SoraException.ref;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.Variant;
import java.time.Duration;

/**
 * How a local batch runs.
 *
 * @param concurrency jobs in flight at once, 1 to 10
 * @param maxAttempts tries per job for transient failures (429, 5xx, timeouts, resets), 1 to 10
 * @param failFast stop starting new jobs after the first failure
 * @param force replace result files that already exist
 * @param track wait for every job to reach a final status
 * @param download the variant to download as each job completes (implies wait), or null
 * @param maxCost refuse to start, or to go on, past this estimated USD total; null for no cap
 * @param requestsPerMinute the shared rate limiter's starting rate (it adapts to the server)
 * @param pollInterval the shortest wait between tracking rounds; it grows to four times this while nothing changes
 */
public record BatchOptions(
        int concurrency,
        int maxAttempts,
        boolean failFast,
        boolean force,
        boolean track,
        Variant download,
        Double maxCost,
        double requestsPerMinute,
        Duration pollInterval) {
    /** Jobs in flight at once unless set. */
    public static final int DEFAULT_CONCURRENCY = 3;
    /** Tries per job unless set. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Requests per minute unless set. */
    public static final double DEFAULT_RPM = 50;
    /** The shortest wait between tracking rounds unless set. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

    /**
     * Checks the components.
     *
     * @param concurrency jobs in flight at once, 1 to 10
     * @param download the variant to download as each job completes (implies wait), or null
     * @param failFast stop starting new jobs after the first failure
     * @param force replace result files that already exist
     * @param maxAttempts tries per job for transient failures (429, 5xx, timeouts, resets), 1 to 10
     * @param maxCost refuse to start, or to go on, past this estimated USD total; null for no cap
     * @param pollInterval the shortest wait between tracking rounds; it grows to four times this while nothing changes
     * @param requestsPerMinute the shared rate limiter's starting rate (it adapts to the server)
     * @param track wait for every job to reach a final status
     */
    public BatchOptions {
        if (concurrency < 1 || concurrency > 10) {
            throw new InvalidRequestException(
                    "concurrency", ref("concurrency") + " must be between 1 and 10, got " + concurrency);
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new InvalidRequestException(
                    "max_attempts", ref("max_attempts") + " must be between 1 and 10, got " + maxAttempts);
        }
        if (maxCost != null && !(maxCost >= 0)) {
            throw new InvalidRequestException(
                    "max_cost", ref("max_cost") + " must be a positive amount of USD, got " + maxCost);
        }
        if (!(requestsPerMinute > 0)) {
            throw new InvalidRequestException("rpm", ref("rpm") + " must be > 0, got " + requestsPerMinute);
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new InvalidRequestException("poll_interval", ref("poll_interval") + " must be > 0 seconds");
        }
        track = track || download != null;
    }

    /**
     * Create only, as the reference CLI does.
     *
     * @param concurrency jobs in flight, 1 to 10
     * @param failFast stop after the first failure
     * @param force replace existing result files
     * @param maxAttempts tries per job, 1 to 10
     * @return the create only
     */
    public static BatchOptions createOnly(int concurrency, int maxAttempts, boolean failFast, boolean force) {
        return new BatchOptions(
                concurrency, maxAttempts, failFast, force, false, null, null, DEFAULT_RPM, DEFAULT_POLL_INTERVAL);
    }
}
