package dev.sora4j;

import dev.sora4j.model.VideoJob;

/**
 * What became of a create sent with retries.
 *
 * @param job the job as the create answered it, or null when {@code adopted}
 * @param videoId the job's id
 * @param attempts how many create requests were sent
 * @param adopted true when no answer came back but the job was found on the server and adopted
 */
public record CreateOutcome(VideoJob job, String videoId, int attempts, boolean adopted) {}
