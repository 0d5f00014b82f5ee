package dev.sora4j.model;

import java.util.Optional;

/**
 * A video job as the service reported it at one moment.
 *
 * @param seconds the clip length as sent (a string; for extensions the stitched total)
 * @param json the service's JSON object, verbatim, for output and for fields this record lacks
 */
public record VideoJob(
        String id,
        String model,
        JobStatus status,
        int progress,
        long createdAt,
        Long completedAt,
        Long expiresAt,
        String prompt,
        String size,
        String seconds,
        String remixedFromVideoId,
        JobError errorOrNull,
        String json) {

    /**
     * Why, as one line.
     *
     * @return why, as one line
     */
    public Optional<JobError> error() {
        return Optional.ofNullable(errorOrNull);
    }

    /**
     * When the job's assets expire.
     *
     * @return the expires at seconds
     */
    public Optional<Long> expiresAtSeconds() {
        return Optional.ofNullable(expiresAt);
    }
}
