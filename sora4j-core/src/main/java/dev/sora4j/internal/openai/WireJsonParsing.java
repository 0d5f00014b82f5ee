package dev.sora4j.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.ObjectMappers;
import dev.sora4j.model.Character;
import dev.sora4j.model.DeletedVideo;
import dev.sora4j.model.JobError;
import dev.sora4j.model.JobStatus;
import dev.sora4j.model.VideoJob;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads the service's JSON leniently into sora4j's records: unknown statuses and values pass
 * through as strings, and every record keeps the object verbatim.
 */
final class WireJsonParsing {
    private static final JsonMapper JSON = ObjectMappers.jsonMapper();

    private WireJsonParsing() {}

    static VideoJob job(String raw) {
        JsonNode n = read(raw);
        JsonNode err = n.path("error");
        JobError error = err.isObject() ? new JobError(text(err, "code"), text(err, "message")) : null;
        return new VideoJob(
                text(n, "id"),
                text(n, "model"),
                JobStatus.of(text(n, "status")),
                n.path("progress").asInt(0),
                n.path("created_at").asLong(0),
                longOrNull(n, "completed_at"),
                longOrNull(n, "expires_at"),
                text(n, "prompt"),
                text(n, "size"),
                text(n, "seconds"),
                text(n, "remixed_from_video_id"),
                error,
                raw);
    }

    static Character character(String raw) {
        JsonNode n = read(raw);
        return new Character(
                text(n, "id"), text(n, "name"), n.path("created_at").asLong(0), raw);
    }

    static DeletedVideo deleted(String raw) {
        JsonNode node = read(raw);
        return new DeletedVideo(text(node, "id"), node.path("deleted").asBoolean(false), raw);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String raw) {
        try {
            return raw == null || raw.isBlank() ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    private static Long longOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asLong() : null;
    }
}
