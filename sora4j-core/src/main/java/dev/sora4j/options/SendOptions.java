package dev.sora4j.options;

import dev.sora4j.errors.ApiException;
import java.time.Duration;
import java.util.Objects;

/**
 * How one paid call (a create, edit, extend, remix or character) is sent. Every paid call takes the
 * same road: validated, estimated, checked against the {@link Budget}, recorded in the ledger,
 * spaced by the client's rate limit, sent, and its answer recorded.
 *
 * @param batchKey the create-batch run this call belongs to (ledger grouping), or null
 * @param batchLine the jobs-file line of this call, or 0
 * @param maxAttempts how many times a transient failure (no answer, 408, 409, 429, 5xx) is tried,
 *     1 to 10; waits follow Retry-After, else 2, 4, 8 s... up to a minute
 * @param budget the spending cap shared with other calls, or null for none
 * @param onRetry hears each retry before its wait
 */
public record SendOptions(String batchKey, int batchLine, int maxAttempts, Budget budget, RetryListener onRetry) {
    /** Hears that a paid call failed transiently and will be tried again. */
    @FunctionalInterface
    public interface RetryListener {
        /**
         * Called before waiting.
         *
         * @param attempt the attempt that failed, from 1
         * @param maxAttempts the attempts allowed
         * @param wait how long the client waits before the next attempt
         * @param cause the failure
         */
        void retrying(int attempt, int maxAttempts, Duration wait, ApiException cause);
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when {@code maxAttempts} is outside 1..10
     * @param batchKey the create-batch run's key
     * @param batchLine the batch line
     * @param budget the budget
     * @param maxAttempts tries per job, 1 to 10
     * @param onRetry the on retry
     */
    public SendOptions {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be 1..10, got " + maxAttempts);
        }
        onRetry = Objects.requireNonNullElse(onRetry, (a, m, w, c) -> {});
    }

    /**
     * One attempt, no batch, no budget: what {@code SoraClient.create(request)} uses (the SDK's own
     * retries still apply).
     *
     * @return the options
     */
    public static SendOptions once() {
        return new SendOptions(null, 0, 1, null, null);
    }

    /**
     * One attempt under a spending cap: a single paid call whose estimate must fit {@code budget}.
     *
     * @param budget the cap
     * @return the options
     */
    public static SendOptions capped(Budget budget) {
        return new SendOptions(null, 0, 1, Objects.requireNonNull(budget, "budget"), null);
    }

    /**
     * A call for one line of a create-batch run.
     *
     * @param batchKey identifies the run (its jobs file and output directory)
     * @param batchLine the jobs-file line
     * @param maxAttempts tries for transient failures, 1 to 10
     * @param budget the run's spending cap, or null
     * @param onRetry hears retries, or null
     * @return the options
     */
    public static SendOptions forBatch(
            String batchKey, int batchLine, int maxAttempts, Budget budget, RetryListener onRetry) {
        return new SendOptions(Objects.requireNonNull(batchKey, "batchKey"), batchLine, maxAttempts, budget, onRetry);
    }
}
