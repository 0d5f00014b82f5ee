package dev.sora4j.batch;

import dev.sora4j.InvalidRequestException;

/**
 * How a local batch runs.
 *
 * @param concurrency jobs in flight at once, 1 to 10
 * @param maxAttempts tries per job for transient failures (429, 5xx, timeouts, resets), 1 to 10
 * @param failFast stop starting new jobs after the first failure
 * @param force replace result files that already exist
 */
public record BatchOptions(int concurrency, int maxAttempts, boolean failFast, boolean force) {
    public static final int DEFAULT_CONCURRENCY = 3;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    public BatchOptions {
        if (concurrency < 1 || concurrency > 10) {
            throw new InvalidRequestException("concurrency", "--concurrency must be between 1 and 10, got " + concurrency);
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new InvalidRequestException("max_attempts", "--max-attempts must be between 1 and 10, got " + maxAttempts);
        }
    }
}
