package dev.sora4j.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.errors.SoraException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A batch as the service describes it. The status is an open string: a gateway may send values the
 * spec does not list, and they must not crash anything.
 *
 * @param id {@code batch_...}
 * @param status {@code validating}, {@code in_progress}, {@code finalizing}, {@code completed},
 *     {@code failed}, {@code expired}, {@code cancelling}, {@code cancelled}, or another value
 * @param inputFileId the uploaded JSONL
 * @param outputFileId the results of the lines that created a job, once finished
 * @param errorFileId the lines that were refused, once finished
 * @param createdAt Unix seconds
 * @param completedAt Unix seconds, when completed
 * @param endedAt Unix seconds when it reached its terminal status (completed, failed, expired or cancelled)
 * @param total request count
 * @param completed requests that ran to the end
 * @param failed requests that were refused
 * @param metadata as given at creation
 * @param errors validation errors of a failed batch ({@code line: message})
 * @param json the raw object
 */
public record BatchInfo(
        String id,
        String status,
        String inputFileId,
        String outputFileId,
        String errorFileId,
        long createdAt,
        Long completedAt,
        Long endedAt,
        int total,
        int completed,
        int failed,
        Map<String, String> metadata,
        List<String> errors,
        String json) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "expired", "cancelled");

    /**
     * Copies the collections into unmodifiable ones.
     *
     * @param id {@code batch_...}
     * @param status {@code validating}, {@code in_progress}, {@code finalizing}, {@code completed}, {@code failed}, {@code expired}, {@code cancelling}, {@code cancelled}, or another value
     * @param inputFileId the uploaded JSONL
     * @param outputFileId the results of the lines that created a job, once finished
     * @param errorFileId the lines that were refused, once finished
     * @param createdAt Unix seconds
     * @param completedAt Unix seconds, when completed
     * @param endedAt Unix seconds when it reached its terminal status (completed, failed, expired or cancelled)
     * @param total request count
     * @param completed requests that ran to the end
     * @param failed requests that were refused
     * @param metadata as given at creation
     * @param errors validation errors of a failed batch ({@code line: message})
     * @param json the raw object
     */
    public BatchInfo {
        metadata = Map.copyOf(metadata);
        errors = List.copyOf(errors);
    }

    /**
     * Whether the batch will not change any more.
     *
     * @return true for completed, failed, expired and cancelled
     */
    public boolean terminal() {
        return TERMINAL.contains(status);
    }

    /**
     * The metadata value, if set.
     *
     * @param key the key
     * @return its value
     */
    public Optional<String> metadata(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    /**
     * Reads the spec's Batch object.
     *
     * @param raw its JSON
     * @return the batch
     * @throws SoraException when the text is not a batch object
     */
    public static BatchInfo parse(String raw) {
        JsonNode n;
        try {
            n = JSON.readTree(raw);
        } catch (IOException e) {
            throw new SoraException("The service sent a batch that is not JSON: " + e.getMessage(), e);
        }
        if (n == null || !n.hasNonNull("id")) {
            throw new SoraException("The service sent a batch without an id.");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode m = n.path("metadata");
        if (m.isObject()) {
            m.fields()
                    .forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode e : n.path("errors").path("data")) {
            String line = e.hasNonNull("line") ? "line " + e.get("line").asText() + ": " : "";
            errors.add(line + e.path("message").asText(e.path("code").asText("error")));
        }
        JsonNode counts = n.path("request_counts");
        String status = n.path("status").asText("unknown");
        return new BatchInfo(
                n.get("id").asText(),
                status,
                text(n, "input_file_id"),
                text(n, "output_file_id"),
                text(n, "error_file_id"),
                n.path("created_at").asLong(0),
                number(n, "completed_at"),
                number(n, status + "_at"),
                counts.path("total").asInt(0),
                counts.path("completed").asInt(0),
                counts.path("failed").asInt(0),
                metadata,
                errors,
                raw);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? null : v.asLong();
    }
}
