package dev.sora4j.errors;

import dev.sora4j.model.VideoJob;

/** A video job reached a terminal status other than {@code completed}. */
public class JobFailedException extends SoraException {
    private static final long serialVersionUID = 1L;

    private final transient VideoJob job;

    /**
     * The job ended without completing.
     *
     * @param job the job
     */
    public JobFailedException(VideoJob job) {
        super("Video " + job.id() + " ended " + job.status().value()
                + job.error().map(e -> ": " + e.code() + ": " + e.message()).orElse(""));
        this.job = job;
    }

    /**
     * The job as it ended.
     *
     * @return the job
     */
    public VideoJob job() {
        return job;
    }
}
