package dev.sora4j.providers.response;

import dev.sora4j.model.JobError;
import dev.sora4j.model.VideoJob;
import java.util.List;
import java.util.Optional;

/**
 * One job answer in sora4j's terms, whatever the provider's field names. Absent values are null:
 * OpenRouter sends no progress, size or timestamps; TRT-LLM no progress.
 *
 * @param id the id in this answer (LiteLLM's may differ from the create answer's: key on the create id)
 * @param status the status word and what it means
 * @param progress 0–100, or null when the provider sends none
 * @param model the model name, or null
 * @param prompt the prompt, or null
 * @param size the frame size as {@code WxH}, or null
 * @param seconds the clip length as a string ({@code "4"}, {@code "4.5"}), from {@code seconds} or {@code duration}
 * @param error why it failed, from an object or a plain string
 * @param createdAt creation time in Unix seconds, or null
 * @param completedAt only when the status is terminal (new-api fills it while running, providers.md §7)
 * @param expiresAt when the content expires, in Unix seconds, or null
 * @param remixedFromVideoId the source job of a remix, or null
 * @param signedUrls download URLs that need no credential and expire (OpenRouter {@code urls},
 *     SGLang cloud {@code url}, new-api {@code metadata.url})
 * @param proxyUrls download URLs on the provider that need the credential (OpenRouter {@code unsigned_urls})
 * @param pollingUrl where to poll, as sent (OpenRouter's is relative to the host), or null
 * @param raw the body exactly as received
 */
public record NormalizedJob(
        String id,
        MappedStatus status,
        Integer progress,
        String model,
        String prompt,
        String size,
        String seconds,
        JobError error,
        Long createdAt,
        Long completedAt,
        Long expiresAt,
        String remixedFromVideoId,
        List<String> signedUrls,
        List<String> proxyUrls,
        String pollingUrl,
        String raw) {

    /**
     * Copies {@code signedUrls} and {@code proxyUrls} into unmodifiable lists.
     *
     * @param id the id in this answer (LiteLLM's may differ from the create answer's: key on the create id)
     * @param status the status word and what it means
     * @param progress 0–100, or null when the provider sends none
     * @param model the model name, or null
     * @param prompt the prompt, or null
     * @param size the frame size as {@code WxH}, or null
     * @param seconds the clip length as a string ({@code "4"}, {@code "4.5"}), from {@code seconds} or {@code duration}
     * @param error why it failed, from an object or a plain string
     * @param createdAt creation time in Unix seconds, or null
     * @param completedAt only when the status is terminal (new-api fills it while running, providers.md §7)
     * @param expiresAt when the content expires, in Unix seconds, or null
     * @param remixedFromVideoId the source job of a remix, or null
     * @param signedUrls download URLs that need no credential and expire (OpenRouter {@code urls},
     *     SGLang cloud {@code url}, new-api {@code metadata.url})
     * @param proxyUrls download URLs on the provider that need the credential (OpenRouter {@code unsigned_urls})
     * @param pollingUrl where to poll, as sent (OpenRouter's is relative to the host), or null
     * @param raw the body exactly as received
     */
    public NormalizedJob {
        signedUrls = List.copyOf(signedUrls);
        proxyUrls = List.copyOf(proxyUrls);
    }

    /**
     * The error, as an optional.
     *
     * @return the job's error, or empty when it has none
     */
    public Optional<JobError> errorOrEmpty() {
        return Optional.ofNullable(error);
    }

    /**
     * The job as the rest of sora4j sees it. A missing progress reads 100 once completed and 0
     * before; a missing creation time reads 0.
     *
     * @return the equivalent {@link VideoJob}
     */
    public VideoJob toVideoJob() {
        int p = progress != null ? progress : status.phase() == Phase.SUCCEEDED ? 100 : 0;
        return new VideoJob(
                id,
                model,
                status.status(),
                p,
                createdAt == null ? 0L : createdAt,
                completedAt,
                expiresAt,
                prompt,
                size,
                seconds,
                remixedFromVideoId,
                error,
                raw);
    }
}
