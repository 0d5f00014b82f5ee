package dev.sora4j.internal.calls;

import dev.sora4j.errors.ApiException;
import java.time.Duration;

/** How long to wait before trying a transient failure again: Retry-After when the service said, else 2, 4, 8 s... up to a minute. */
public final class RetryPolicy {
    /** The longest wait between attempts. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private RetryPolicy() {}

    /**
     * The wait after a failed attempt.
     *
     * @param attempt the attempt that failed, from 1
     * @param cause its failure
     * @return the service's Retry-After, else {@link #backoff(int)}
     */
    public static Duration waitAfter(int attempt, ApiException cause) {
        return cause.retryAfter().orElse(backoff(attempt));
    }

    /**
     * 2 s, 4 s, 8 s ... capped at a minute, as the reference CLI waits.
     *
     * @param attempt the attempt that failed, from 1
     * @return the wait
     */
    public static Duration backoff(int attempt) {
        long seconds = 1L << Math.min(attempt, 6);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }
}
