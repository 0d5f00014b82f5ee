package dev.sora4j.batch;

import dev.sora4j.errors.SoraException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

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
        /** {@code created}. */
        CREATED,
        /** {@code known}. */
        KNOWN,
        /** {@code adopted}. */
        ADOPTED,
        /** {@code failed}. */
        FAILED,
        /** {@code skipped}. */
        SKIPPED
    }

    /**
     * Whether the job was created (now or earlier) and did not fail.
     *
     * @return the ok
     */
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

    /**
     * Why the job failed or was skipped, with field names shown plainly.
     *
     * @return the reason, or null
     */
    @Override
    public String error() {
        return SoraException.render(error, UnaryOperator.identity());
    }

    /**
     * Why the job failed or was skipped, with field names shown as the front end names them.
     *
     * @param nameOf how the front end names a field (the CLI shows {@code --force} for {@code force})
     * @return the reason, or null
     */
    public String error(UnaryOperator<String> nameOf) {
        return SoraException.render(error, nameOf);
    }
}
