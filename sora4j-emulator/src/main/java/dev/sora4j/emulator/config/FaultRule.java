package dev.sora4j.emulator.config;

import java.util.Locale;

/**
 * A deterministic fault: every {@code every}-th request to {@code method path} is answered with
 * {@code status} instead (429 also carries {@code retry-after}). Written as
 * {@code "POST /v1/videos every=3 status=429 retry-after=1"}. With {@code lose-answer=1} the request
 * is carried out first and only its answer is replaced, as by a gateway that lost it
 * ({@code "POST /v1/videos every=1 status=502 lose-answer=1"}: the job exists, the client hears 502).
 */
public record FaultRule(String method, String path, int every, int status, int retryAfterSeconds, boolean loseAnswer) {
    /** A fault answered instead of carrying the request out. */
    public FaultRule(String method, String path, int every, int status, int retryAfterSeconds) {
        this(method, path, every, status, retryAfterSeconds, false);
    }

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
        boolean loseAnswer = false;
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
                case "lose-answer" -> loseAnswer = value != 0;
                default ->
                    throw new IllegalArgumentException("fault '" + text + "': unknown key '" + kv[0]
                            + "' (known: every, status, retry-after, lose-answer)");
            }
        }
        if (status < 0) {
            throw new IllegalArgumentException("fault '" + text + "': status=CODE is required");
        }
        return new FaultRule(tokens[0], tokens[1], every, status, retryAfter, loseAnswer);
    }

    public boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }
}
