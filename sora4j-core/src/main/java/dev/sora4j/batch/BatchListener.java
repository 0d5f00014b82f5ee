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
    /**
     * A job is about to be sent.
     *
     * @param job the job
     */
    default void started(BatchJob job) {}

    /**
     * A job's create failed transiently and will be tried again.
     *
     * @param job the job
     * @param attempt the attempt that failed, from 1
     * @param maxAttempts tries per job, 1 to 10
     * @param wait how long before the next attempt
     * @param cause the underlying exception
     */
    default void retrying(BatchJob job, int attempt, int maxAttempts, Duration wait, ApiException cause) {}

    /**
     * A job was created and its result file written.
     *
     * @param job the job
     * @param videoId the video's id
     * @param result the result file
     */
    default void created(BatchJob job, String videoId, Path result) {}

    /**
     * Created by an earlier run ({@code adopted} false) or found on the server after a lost answer.
     *
     * @param adopted true when found on the server after a lost answer
     * @param job the job
     * @param videoId the video's id
     */
    default void recovered(BatchJob job, String videoId, boolean adopted) {}

    /**
     * A job failed (or its download did).
     *
     * @param job the job
     * @param error why, as one line
     */
    default void failed(BatchJob job, String error) {}

    /**
     * A tracked job's status or progress changed.
     *
     * @param job the job
     * @param videoId the video's id
     * @param status the status
     * @param progress percent done
     */
    default void status(BatchJob job, String videoId, String status, int progress) {}

    /**
     * A job's asset was downloaded.
     *
     * @param job the job
     * @param file the file
     * @param bytes its size in bytes
     * @param sha256 its hex SHA-256
     */
    default void downloaded(BatchJob job, Path file, long bytes, String sha256) {}

    /**
     * Something worth telling that is not a failure.
     *
     * @param message what happened
     */
    default void warning(String message) {}

    /** Hears nothing. */
    BatchListener NONE = new BatchListener() {};
}
