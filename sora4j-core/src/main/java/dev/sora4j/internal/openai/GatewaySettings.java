package dev.sora4j.internal.openai;

import dev.sora4j.options.AuthHeader;
import dev.sora4j.options.ResponseObserver;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings for {@link OpenAiVideoGateway}. {@link #toString()} masks the key, so the
 * settings can be logged.
 *
 * @param baseUrl the API root including {@code /v1}, e.g. {@code https://api.openai.com/v1}
 * @param maxRetries retries of the SDK on connection errors, 408, 409, 429 and 5xx
 * @param observer hears every POST's status and headers
 */
public record GatewaySettings(
        String baseUrl,
        String apiKey,
        AuthHeader authHeader,
        int maxRetries,
        Duration timeout,
        ResponseObserver observer) {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    public GatewaySettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(authHeader, "authHeader");
        Objects.requireNonNull(timeout, "timeout");
        observer = observer == null ? ResponseObserver.NONE : observer;
    }

    @Override
    public String toString() {
        return "GatewaySettings[baseUrl=" + baseUrl + ", apiKey=<masked>, authHeader=" + authHeader + ", maxRetries="
                + maxRetries + ", timeout=" + timeout + "]";
    }
}
