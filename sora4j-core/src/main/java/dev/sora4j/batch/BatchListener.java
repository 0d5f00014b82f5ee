package dev.sora4j.batch;

import dev.sora4j.errors.ApiException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Hears a batch's progress, from the worker threads (implementations must be thread-safe). Error and
 * warning texts may contain field references; show them with
 * {@link dev.sora4j.errors.SoraException#render}.
 */
public interface BatchListener {
    default void started(BatchJob job) {}

    default void retrying(BatchJob job, int attempt, int maxAttempts, Duration wait, ApiException cause) {}

    default void created(BatchJob job, String videoId, Path result) {}

    /** Created by an earlier run ({@code adopted} false) or found on the server after a lost answer. */
    default void recovered(BatchJob job, String videoId, boolean adopted) {}

    default void failed(BatchJob job, String error) {}

    default void status(BatchJob job, String videoId, String status, int progress) {}

    default void downloaded(BatchJob job, Path file, long bytes, String sha256) {}

    default void warning(String message) {}

    BatchListener NONE = new BatchListener() {};
}
