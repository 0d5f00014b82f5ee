package dev.sora4j.providers.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sora4j.providers.response.ApiError.Category;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses any error body into an {@link ApiError}. Every envelope is recognised whatever the
 * configured provider: gateways mix them (Azure answers with OpenAI's and with its gateway's shape,
 * vLLM with its own and FastAPI's, providers.md §2, §5), so the shape is read from the body.
 */
public final class ErrorEnvelopes {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_MESSAGE = 500;
    private static final Pattern NOT_READY =
            Pattern.compile("still in.progress|is not ready|not (yet )?completed", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONFIGURATION =
            Pattern.compile("deployment .* does not exist|model mismatch|invalid model name", Pattern.CASE_INSENSITIVE);
    private static final Pattern RUNNING_CAP = Pattern.compile("too many running tasks", Pattern.CASE_INSENSITIVE);

    private ErrorEnvelopes() {}

    /**
     * Reads an error answer. Never throws: a body in no known shape becomes a {@link ErrorShape#TEXT}
     * error with its first line.
     *
     * @param status the HTTP status of the answer
     * @param body the answer body, may be null or empty
     * @return the error in neutral form, never null
     */
    public static ApiError parse(int status, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return build(status, null, null, null, null, ErrorShape.EMPTY);
        }
        JsonNode n = read(text);
        if (n == null || !n.isObject()) {
            return build(status, null, null, firstLine(text), null, ErrorShape.TEXT);
        }
        JsonNode error = n.path("error");
        if (n.path("id").isTextual() && n.path("status").isTextual()) {
            JsonNode jobError = error.isObject() ? error : n;
            String message = error.isTextual() ? error.asText() : textOrNull(jobError, "message");
            return build(status, textOrNull(jobError, "code"), null, message, null, ErrorShape.JOB);
        }
        if (error.isObject()) {
            ErrorShape shape = error.has("type") ? ErrorShape.OPENAI : ErrorShape.CODE_MESSAGE;
            return build(
                    status,
                    textOrNull(error, "code"),
                    textOrNull(error, "type"),
                    textOrNull(error, "message"),
                    textOrNull(error, "param"),
                    shape);
        }
        if (error.isTextual()) {
            return build(status, null, null, error.asText(), null, ErrorShape.STRING);
        }
        if ("error".equals(n.path("object").asText())) {
            return build(
                    status,
                    textOrNull(n, "code"),
                    textOrNull(n, "type"),
                    textOrNull(n, "message"),
                    textOrNull(n, "param"),
                    ErrorShape.FLAT);
        }
        if (n.has("detail")) {
            return detail(status, n.path("detail"));
        }
        return build(status, null, null, textOrNull(n, "message"), null, ErrorShape.TEXT);
    }

    /** FastAPI: a string, or a 422 list of {@code {loc:[...], msg}} items. */
    private static ApiError detail(int status, JsonNode detail) {
        if (detail.isArray()) {
            List<String> parts = new ArrayList<>();
            String param = null;
            for (JsonNode item : detail) {
                JsonNode loc = item.path("loc");
                String field = loc.isArray() && loc.size() > 0
                        ? loc.get(loc.size() - 1).asText()
                        : null;
                param = param == null ? field : param;
                parts.add((field == null ? "" : field + ": ") + item.path("msg").asText("invalid"));
            }
            return build(status, null, null, String.join("; ", parts), param, ErrorShape.DETAIL);
        }
        return build(
                status, null, null, detail.isTextual() ? detail.asText() : detail.toString(), null, ErrorShape.DETAIL);
    }

    private static ApiError build(
            int status, String code, String type, String message, String param, ErrorShape shape) {
        String msg = message == null || message.isBlank() ? "HTTP " + status : clip(message);
        String p = param == null || param.equals("None") || param.isBlank() ? null : param;
        return new ApiError(status, code, type, msg, p, shape, categorize(status, msg, shape));
    }

    private static Category categorize(int status, String message, ErrorShape shape) {
        if (shape == ErrorShape.JOB) {
            return Category.JOB_FAILED;
        }
        if (status == 401 || status == 403) {
            return Category.AUTH;
        }
        if (CONFIGURATION.matcher(message).find()) {
            return Category.CONFIGURATION;
        }
        if (NOT_READY.matcher(message).find()) {
            return Category.NOT_READY;
        }
        if (status == 429) {
            return RUNNING_CAP.matcher(message).find() ? Category.CONCURRENCY_LIMIT : Category.RATE_LIMIT;
        }
        if (status == 405 || (status == 404 && shape == ErrorShape.DETAIL && message.equals("Not Found"))) {
            return Category.ROUTE_MISSING;
        }
        if (status == 404) {
            return Category.NOT_FOUND;
        }
        return status >= 500 || status == 0 ? Category.SERVER : Category.INVALID_REQUEST;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        return line.toLowerCase(Locale.ROOT).startsWith("<") ? null : line;
    }

    private static String clip(String s) {
        String one = s.replace('\n', ' ').strip();
        return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "…";
    }
}
