package dev.sora4j.batch;

import dev.sora4j.ApiException;
import java.nio.file.Path;
import java.time.Duration;

/** Hears a batch's progress, from the worker threads (implementations must be thread-safe). */
public interface BatchListener {
    default void started(BatchJob job) {}

    default void retrying(BatchJob job, int attempt, int maxAttempts, Duration wait, ApiException cause) {}

    default void created(BatchJob job, String videoId, Path result) {}

    default void failed(BatchJob job, String error) {}

    BatchListener NONE = new BatchListener() {};
}
