package dev.sora4j.emulator.http;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An error the emulator answers with, rendered as OpenAI's envelope
 * {@code {"error":{"message","type","param","code"}}}. Thrown from handlers and translated
 * to a response in one place ({@link ErrorMapper}).
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public ApiError(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    /** The real service's wording for an out-of-enum value. */
    public static ApiError invalidValue(String param, String value, List<String> allowed) {
        return new ApiError(
                400,
                "invalid_request_error",
                param,
                "invalid_value",
                "Invalid value: '" + value + "'. Supported values are: " + quotedList(allowed) + ".");
    }

    public static ApiError invalidRequest(String param, String message) {
        return new ApiError(400, "invalid_request_error", param, null, message);
    }

    public static ApiError missing(String param) {
        return new ApiError(
                400,
                "invalid_request_error",
                param,
                "missing_required_parameter",
                "Missing required parameter: '" + param + "'.");
    }

    public static ApiError notFound(String what, String id) {
        return new ApiError(404, "invalid_request_error", null, null, what + " with id '" + id + "' not found.");
    }

    /** "'4', '8', '12', and '16'" (the Oxford-comma list the real service prints). */
    public static String quotedList(List<String> values) {
        List<String> quoted = values.stream().map(v -> "'" + v + "'").collect(Collectors.toList());
        if (quoted.size() <= 1) {
            return String.join("", quoted);
        }
        if (quoted.size() == 2) {
            return quoted.get(0) + " and " + quoted.get(1);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.get(quoted.size() - 1);
    }
}
