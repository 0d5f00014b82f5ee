package dev.sora4j;

import dev.sora4j.model.VideoJob;

/**
 * What became of a create sent with retries.
 *
 * @param job the job as the create answered it; when {@code adopted}, the job as read from the server
 *     for a single create, null for a batch line
 * @param videoId the job's id
 * @param attempts how many create requests were sent
 * @param adopted true when no answer came back but the job was found on the server and adopted
 */
public record CreateOutcome(VideoJob job, String videoId, int attempts, boolean adopted) {}
