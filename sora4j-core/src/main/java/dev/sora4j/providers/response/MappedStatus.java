package dev.sora4j.providers.response;

import dev.sora4j.model.JobStatus;

/**
 * A provider's status word translated into sora4j's vocabulary.
 *
 * @param status the canonical {@link JobStatus} ({@code queued}, {@code in_progress}, {@code completed},
 *     {@code failed}, {@code cancelled}, {@code expired}, {@code deleted}); an unknown word is kept
 *     verbatim
 * @param phase what the word means
 * @param raw the word exactly as the server sent it (empty when absent)
 */
public record MappedStatus(JobStatus status, Phase phase, String raw) {}
