package dev.sora4j.internal.openai;

import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.internal.calls.NeverSent;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Sends a request that makes something on the server (a video job, a character, a file, a batch)
 * with the SDK's own retries off. The SDK resends after any 5xx or lost connection, and a create
 * whose job was made but whose answer was lost (a gateway's 502, a read timeout) would be made, and
 * paid, again. Here only failures that certainly made nothing are retried: 408, 409 and 429 (after
 * their {@code Retry-After}) and connections that were never made. Anything else goes to the caller,
 * whose ledger records the request as unknown and looks on the server before it sends again.
 */
final class CreateOnce {
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(8);
    private static final Duration LONGEST_HINT = Duration.ofSeconds(60);

    private CreateOnce() {}

    /**
     * Runs {@code attempt}, again up to {@code maxRetries} times while it fails without having made anything.
     *
     * @throws ApiException the last failure, or the first that may have made something
     */
    static <T> T send(int maxRetries, Supplier<T> attempt) {
        for (int retry = 0; ; retry++) {
            try {
                return attempt.get();
            } catch (ApiException e) {
                if (retry >= maxRetries || !madeNothing(e)) {
                    throw e;
                }
                pause(waitBefore(retry, e));
            }
        }
    }

    /** Whether the server certainly did not carry the request out. */
    static boolean madeNothing(ApiException e) {
        int status = e.status();
        return status == 408 || status == 409 || status == 429 || (status == 0 && NeverSent.neverLeft(e));
    }

    /** The server's hint (at most a minute), else 0.5 s doubling up to 8 s, as the SDK waits. */
    static Duration waitBefore(int retry, ApiException e) {
        Duration hint = e.retryAfter().orElse(null);
        if (hint != null && !hint.isNegative()) {
            return hint.compareTo(LONGEST_HINT) > 0 ? LONGEST_HINT : hint;
        }
        Duration backoff = FIRST_WAIT.multipliedBy(1L << Math.min(retry, 4));
        return backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraInterruptedException("Interrupted before sending again; nothing was made on the server.", e);
        }
    }
}
