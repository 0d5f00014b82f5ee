package dev.sora4j.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredVideo(
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
        Map<String, String> inputReference) {

    StoredVideo rendered(long atMs) {
        return new StoredVideo(id, model, prompt, size, seconds, createdAtMs, queuedUntilMs, plannedDoneAtMs, atMs,
                failure, failedAtMs, remixedFromVideoId, inputReference);
    }

    StoredVideo failed(String code, String message, long atMs) {
        return new StoredVideo(id, model, prompt, size, seconds, createdAtMs, queuedUntilMs, plannedDoneAtMs,
                renderedAtMs, Map.of("code", code, "message", message), atMs, remixedFromVideoId, inputReference);
    }

    int width() {
        return Integer.parseInt(size.substring(0, size.indexOf('x')));
    }

    int height() {
        return Integer.parseInt(size.substring(size.indexOf('x') + 1));
    }
}
