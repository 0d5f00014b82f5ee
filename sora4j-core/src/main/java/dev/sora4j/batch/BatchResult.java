package dev.sora4j.batch;

import java.nio.file.Path;

/**
 * What became of one job.
 *
 * @param videoId the job's id, or null
 * @param attempts how many create requests this run sent for it (0 when it was known or adopted)
 * @param finalStatus the status tracking ended with, or null without --wait
 * @param download the downloaded file, or null
 * @param error why it failed, or null
 */
public record BatchResult(
        BatchJob job, Outcome outcome, String videoId, int attempts, String finalStatus, Path download, String error) {
    /** CREATED: sent now; KNOWN: created by an earlier run; ADOPTED: found on the server after a lost answer. */
    public enum Outcome {
        CREATED,
        KNOWN,
        ADOPTED,
        FAILED,
        SKIPPED
    }

    public boolean ok() {
        return outcome != Outcome.FAILED && outcome != Outcome.SKIPPED;
    }

    BatchResult finished(String status, Path file, String problem) {
        return new BatchResult(
                job,
                problem == null ? outcome : Outcome.FAILED,
                videoId,
                attempts,
                status,
                file,
                problem == null ? error : problem);
    }
}
