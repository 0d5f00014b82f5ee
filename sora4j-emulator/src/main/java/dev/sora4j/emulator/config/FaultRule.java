package dev.sora4j.emulator.config;

import java.util.Locale;

/**
 * A deterministic fault: every {@code every}-th request to {@code method path} is answered with
 * {@code status} instead (429 also carries {@code retry-after}). Written as
 * {@code "POST /v1/videos every=3 status=429 retry-after=1"}.
 */
public record FaultRule(String method, String path, int every, int status, int retryAfterSeconds) {
    public FaultRule {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, got " + every);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400-599, got " + status);
        }
        method = method.toUpperCase(Locale.ROOT);
    }

    /** Parses the written form; unknown keys or missing parts are an error naming the fix. */
    public static FaultRule parse(String text) {
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length < 3 || !tokens[1].startsWith("/")) {
            throw new IllegalArgumentException(
                    "fault '" + text + "' must look like: POST /v1/videos every=3 status=429 [retry-after=1]");
        }
        int every = 1;
        int status = -1;
        int retryAfter = 1;
        for (int i = 2; i < tokens.length; i++) {
            String[] kv = tokens[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("fault '" + text + "': expected key=value, got '" + tokens[i] + "'");
            }
            int value;
            try {
                value = Integer.parseInt(kv[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault '" + text + "': " + kv[0] + " must be a number");
            }
            switch (kv[0]) {
                case "every" -> every = value;
                case "status" -> status = value;
                case "retry-after" -> retryAfter = value;
                default ->
                    throw new IllegalArgumentException(
                            "fault '" + text + "': unknown key '" + kv[0] + "' (known: every, status, retry-after)");
            }
        }
        if (status < 0) {
            throw new IllegalArgumentException("fault '" + text + "': status=CODE is required");
        }
        return new FaultRule(tokens[0], tokens[1], every, status, retryAfter);
    }

    public boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }
}
