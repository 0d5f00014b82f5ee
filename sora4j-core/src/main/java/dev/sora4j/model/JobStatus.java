package dev.sora4j.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A job status as the server sent it. An open value: gateways send statuses beyond the spec's four
 * ({@code expired}, {@code canceled}), and a value nobody knows yet must not crash a client.
 *
 * @param value the status string exactly as received
 */
public record JobStatus(String value) {
    /** {@code queued}: accepted, not started. */
    public static final JobStatus QUEUED = new JobStatus("queued");
    /** {@code in_progress}: rendering. */
    public static final JobStatus IN_PROGRESS = new JobStatus("in_progress");
    /** {@code completed}: assets ready to download. */
    public static final JobStatus COMPLETED = new JobStatus("completed");
    /** {@code failed}: see the job's error. */
    public static final JobStatus FAILED = new JobStatus("failed");
    /** {@code expired}: sent by some gateways when a job or its assets timed out. */
    public static final JobStatus EXPIRED = new JobStatus("expired");
    /** {@code cancelled}: sent by some gateways ({@code canceled} counts too). */
    public static final JobStatus CANCELLED = new JobStatus("cancelled");

    private static final Set<String> RUNNING = Set.of("queued", "in_progress");
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "expired", "canceled", "cancelled");

    /**
     * Checks the components.
     *
     * @param value the status string exactly as received
     */
    public JobStatus {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A status from the wire; null becomes the empty (unknown) status.
     *
     * @param value the value as given
     * @return the status
     */
    public static JobStatus of(String value) {
        return new JobStatus(value == null ? "" : value);
    }

    /**
     * Whether the job will not change any more.
     *
     * @return whether Terminal
     */
    public boolean isTerminal() {
        return TERMINAL.contains(normalized());
    }

    /**
     * Whether the job completed.
     *
     * @return whether Completed
     */
    public boolean isCompleted() {
        return normalized().equals("completed");
    }

    /**
     * A status this library knows; an unknown one is treated as still running.
     *
     * @return whether Known
     */
    public boolean isKnown() {
        return TERMINAL.contains(normalized()) || RUNNING.contains(normalized());
    }

    private String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
