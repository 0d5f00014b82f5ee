package dev.sora4j.emulator.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A video job as the emulator keeps it on disk. Status is not stored while the job runs: it is
 * derived from the clock by {@link Timeline}, so every process sharing the state directory agrees.
 *
 * @param createdAtMs creation instant on the emulator clock
 * @param queuedUntilMs when the job leaves {@code queued}
 * @param plannedDoneAtMs when the timeline allows it to complete (it also waits for its media)
 * @param renderedAtMs when its media files were written, or null while rendering
 * @param failure {@code {code, message}} once the job failed, else null
 * @param inputReference what the request referenced as first frame ({@code file_id}, {@code image_url}
 *     or {@code upload}), else null
 * @param characterIds the characters the prompt uses, possibly empty
 * @param derivation how this job derives from another video (edit, extension, remix), else null
 * @param batchId the batch that created this job, else null
 * @param expiresAt Unix seconds when the assets expire if not the usual TTL after completion (batch
 *     videos live until 24 h after their batch completes), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredVideo(
        String id,
        String model,
        String prompt,
        String size,
        String seconds,
        long createdAtMs,
        long queuedUntilMs,
        long plannedDoneAtMs,
        Long renderedAtMs,
        Map<String, String> failure,
        Long failedAtMs,
        String remixedFromVideoId,
        Map<String, String> inputReference,
        List<String> characterIds,
        Derivation derivation,
        String batchId,
        Long expiresAt) {

    public StoredVideo {
        characterIds = characterIds == null ? List.of() : List.copyOf(characterIds);
    }

    /**
     * @param kind {@code edit}, {@code extension} or {@code remix}
     * @param sourceVideoId the source job, or null for an uploaded source
     * @param extensionDepth how many extensions lead to this job (0 unless an extension)
     * @param sourceSeconds how much of the media comes from the source (the prefix of an extension)
     */
    public record Derivation(String kind, String sourceVideoId, int extensionDepth, int sourceSeconds) {
        public static final String EDIT = "edit";
        public static final String EXTENSION = "extension";
        public static final String REMIX = "remix";
    }

    public StoredVideo rendered(long atMs) {
        return new StoredVideo(
                id,
                model,
                prompt,
                size,
                seconds,
                createdAtMs,
                queuedUntilMs,
                plannedDoneAtMs,
                atMs,
                failure,
                failedAtMs,
                remixedFromVideoId,
                inputReference,
                characterIds,
                derivation,
                batchId,
                expiresAt);
    }

    /** Fails the job at {@code atMs}; a time in the future makes it fail later, as moderation does. */
    public StoredVideo failed(String code, String message, long atMs) {
        return new StoredVideo(
                id,
                model,
                prompt,
                size,
                seconds,
                createdAtMs,
                queuedUntilMs,
                plannedDoneAtMs,
                renderedAtMs,
                Map.of("code", code, "message", message),
                atMs,
                remixedFromVideoId,
                inputReference,
                characterIds,
                derivation,
                batchId,
                expiresAt);
    }

    public StoredVideo expiringAt(long epochSeconds) {
        return new StoredVideo(
                id,
                model,
                prompt,
                size,
                seconds,
                createdAtMs,
                queuedUntilMs,
                plannedDoneAtMs,
                renderedAtMs,
                failure,
                failedAtMs,
                remixedFromVideoId,
                inputReference,
                characterIds,
                derivation,
                batchId,
                epochSeconds);
    }

    /** Extensions behind this job: 0 for anything that is not an extension. */
    public int extensionDepth() {
        return derivation == null ? 0 : derivation.extensionDepth();
    }

    public int width() {
        return Integer.parseInt(size.substring(0, size.indexOf('x')));
    }

    public int height() {
        return Integer.parseInt(size.substring(size.indexOf('x') + 1));
    }
}
