package dev.sora4j.batch;

/**
 * What became of one job.
 *
 * @param videoId the created job's id, or null
 * @param attempts how many create requests were sent
 * @param error why it failed, or null
 */
public record BatchResult(BatchJob job, Outcome outcome, String videoId, int attempts, String error) {
    public enum Outcome { CREATED, FAILED, SKIPPED }
}
