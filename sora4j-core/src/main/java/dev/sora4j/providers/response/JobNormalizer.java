package dev.sora4j.providers.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sora4j.model.JobError;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a job answer in any provider's shape (providers.md §1–§7): {@code seconds} or TRT-LLM's
 * float {@code duration}, an error object or a plain string, OpenRouter's {@code urls[]}, new-api's
 * {@code task_id} and omitted fields, timestamps in seconds or milliseconds.
 */
public final class JobNormalizer {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Unix seconds stay below this until the year 5138; a larger value is milliseconds (new-api, §7 UNCERTAIN).
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private final StatusVocabulary vocabulary;

    /**
     * A normalizer translating status words with {@code vocabulary}.
     *
     * @param vocabulary the provider's status words
     */
    public JobNormalizer(StatusVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * The job in this body, whatever the HTTP status it came with: vLLM-Omni answers the retrieve of a failed job
     * with 500 and the job (§2), which is a terminal state, not a transport error. Empty when the
     * body is not a job object (an error envelope, a list, not JSON).
     *
     * @param body the answer body, may be null
     * @return the job, or empty when the body has no textual {@code status} and no {@code id}/{@code task_id}
     */
    public Optional<NormalizedJob> parse(String body) {
        JsonNode n = read(body);
        if (n == null || !n.isObject()) {
            return Optional.empty();
        }
        String id = text(n, "id");
        if (id == null) {
            id = text(n, "task_id");
        }
        if (id == null || !n.path("status").isTextual()) {
            return Optional.empty();
        }
        MappedStatus status = vocabulary.map(n.path("status").asText());
        boolean terminal = status.phase().isTerminal();
        List<String> signed = strings(n.path("urls"));
        addIfText(signed, n.path("url"));
        addIfText(signed, n.path("metadata").path("url"));
        return Optional.of(new NormalizedJob(
                id,
                status,
                progress(n.path("progress")),
                text(n, "model"),
                text(n, "prompt"),
                text(n, "size"),
                seconds(n),
                error(n.path("error")),
                timestamp(n.path("created_at")),
                terminal ? timestamp(n.path("completed_at")) : null,
                timestamp(n.path("expires_at")),
                text(n, "remixed_from_video_id"),
                signed,
                strings(n.path("unsigned_urls")),
                text(n, "polling_url"),
                body));
    }

    private static String seconds(JsonNode n) {
        JsonNode s = n.path("seconds");
        if (s.isMissingNode() || s.isNull()) {
            s = n.path("duration");
        }
        if (s.isNumber()) {
            return BigDecimal.valueOf(s.asDouble()).stripTrailingZeros().toPlainString();
        }
        return s.isTextual() ? s.asText() : null;
    }

    private static Integer progress(JsonNode p) {
        if (p.isNumber()) {
            return Math.max(0, Math.min(100, p.asInt()));
        }
        if (p.isTextual()) {
            // new-api keeps "NN%" internally; tolerate it if it leaks out.
            String digits = p.asText().replace("%", "").strip();
            try {
                return Math.max(0, Math.min(100, (int) Double.parseDouble(digits)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static JobError error(JsonNode e) {
        if (e.isTextual() && !e.asText().isBlank()) {
            return new JobError(null, e.asText());
        }
        if (e.isObject()) {
            return new JobError(text(e, "code"), text(e, "message"));
        }
        return null;
    }

    private static Long timestamp(JsonNode t) {
        if (!t.isNumber() || t.asLong() <= 0) {
            return null;
        }
        long v = t.asLong();
        return v >= MILLIS_THRESHOLD ? v / 1000 : v;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(item -> addIfText(out, item));
        }
        return out;
    }

    private static void addIfText(List<String> out, JsonNode v) {
        if (v.isTextual() && !v.asText().isBlank()) {
            out.add(v.asText());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
