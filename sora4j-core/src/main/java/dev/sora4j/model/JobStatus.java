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
    public static final JobStatus QUEUED = new JobStatus("queued");
    public static final JobStatus IN_PROGRESS = new JobStatus("in_progress");
    public static final JobStatus COMPLETED = new JobStatus("completed");
    public static final JobStatus FAILED = new JobStatus("failed");
    public static final JobStatus EXPIRED = new JobStatus("expired");
    public static final JobStatus CANCELLED = new JobStatus("cancelled");

    private static final Set<String> RUNNING = Set.of("queued", "in_progress");
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "expired", "canceled", "cancelled");

    public JobStatus {
        Objects.requireNonNull(value, "value");
    }

    public static JobStatus of(String value) {
        return new JobStatus(value == null ? "" : value);
    }

    /** The job will not change any more. */
    public boolean isTerminal() {
        return TERMINAL.contains(normalized());
    }

    public boolean isCompleted() {
        return normalized().equals("completed");
    }

    /** A status this library knows; an unknown one is treated as still running. */
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
