package dev.sora4j.internal.openai;

import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.internal.calls.NeverSent;
import dev.sora4j.internal.calls.RetryPolicy;
import dev.sora4j.options.Sleeper;
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
    private CreateOnce() {}

    /**
     * Runs {@code attempt}, again up to {@code maxRetries} times while it fails without having made anything.
     *
     * @throws ApiException the last failure, or the first that may have made something
     */
    static <T> T send(int maxRetries, Supplier<T> attempt) {
        return send(maxRetries, attempt, Sleeper.system());
    }

    /** As above, waiting with {@code sleeper} between attempts. */
    static <T> T send(int maxRetries, Supplier<T> attempt, Sleeper sleeper) {
        for (int retry = 0; ; retry++) {
            try {
                return attempt.get();
            } catch (ApiException e) {
                if (retry >= maxRetries || !madeNothing(e)) {
                    throw e;
                }
                // The project's one retry rule: Retry-After when given, else 2 s, 4 s, 8 s ...
                pause(sleeper, RetryPolicy.waitAfter(retry + 1, e));
            }
        }
    }

    /**
     * Whether the server certainly did not carry the request out: a transient failure that is not one
     * that may have succeeded (408, 409, 429), or a connection that was never made.
     */
    static boolean madeNothing(ApiException e) {
        return e.isTransient() && (!e.mayHaveSucceeded() || NeverSent.neverLeft(e));
    }

    private static void pause(Sleeper sleeper, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraInterruptedException("Interrupted before sending again; nothing was made on the server.", e);
        }
    }
}
