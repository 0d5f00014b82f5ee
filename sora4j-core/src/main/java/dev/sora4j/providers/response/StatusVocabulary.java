package dev.sora4j.providers.response;

import dev.sora4j.model.JobStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status words one provider sends, and their translation. The translation table is shared by
 * every provider: gateways forward their backends' words (LiteLLM passes Veo's {@code processing}
 * through, providers.md §1), so a word documented for one provider may reach us through another,
 * and recognising it everywhere costs nothing. {@link #documented()} lists what this provider is
 * known to send, for {@code sora providers} and the tests.
 *
 * @param documented the words this provider's sources show, in lifecycle order
 */
public record StatusVocabulary(List<String> documented) {
    private static final JobStatus DELETED = new JobStatus("deleted");

    // providers.md §8 "Running statuses" / "Terminal statuses"; "succeeded", "preprocessing" and
    // "running" are Azure Sora 1 words (§5.1), harmless to recognise.
    private static final Map<String, Phase> PHASES = Map.ofEntries(
            Map.entry("queued", Phase.QUEUED),
            Map.entry("pending", Phase.QUEUED),
            Map.entry("in_progress", Phase.RUNNING),
            Map.entry("processing", Phase.RUNNING),
            Map.entry("preprocessing", Phase.RUNNING),
            Map.entry("running", Phase.RUNNING),
            Map.entry("generating", Phase.RUNNING),
            Map.entry("postprocessing", Phase.RUNNING),
            Map.entry("completed", Phase.SUCCEEDED),
            Map.entry("succeeded", Phase.SUCCEEDED),
            Map.entry("failed", Phase.FAILED),
            Map.entry("cancelled", Phase.CANCELLED),
            Map.entry("canceled", Phase.CANCELLED),
            Map.entry("expired", Phase.EXPIRED),
            Map.entry("deleted", Phase.DELETED));

    /**
     * Copies {@code documented} into an unmodifiable list.
     *
     * @param documented the words this provider's sources show, in lifecycle order
     */
    public StatusVocabulary {
        documented = List.copyOf(documented);
    }

    /**
     * A vocabulary from its documented words.
     *
     * @param documented the words, in lifecycle order
     * @return the vocabulary
     */
    public static StatusVocabulary of(String... documented) {
        return new StatusVocabulary(List.of(documented));
    }

    /**
     * Translates a status word; null or an unknown word never fails.
     *
     * @param raw the word the server sent, may be null; case and surrounding spaces are ignored
     * @return the status, its phase ({@link Phase#UNKNOWN} for an unknown word) and the word as sent
     */
    public MappedStatus map(String raw) {
        String word = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        Phase phase = PHASES.getOrDefault(word, Phase.UNKNOWN);
        JobStatus status = switch (phase) {
            case QUEUED -> JobStatus.QUEUED;
            case RUNNING -> JobStatus.IN_PROGRESS;
            case SUCCEEDED -> JobStatus.COMPLETED;
            case FAILED -> JobStatus.FAILED;
            case CANCELLED -> JobStatus.CANCELLED;
            case EXPIRED -> JobStatus.EXPIRED;
            case DELETED -> DELETED;
            case UNKNOWN -> JobStatus.of(raw);
        };
        return new MappedStatus(status, phase, raw == null ? "" : raw);
    }
}
