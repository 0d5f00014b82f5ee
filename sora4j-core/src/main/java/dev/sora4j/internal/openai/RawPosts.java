package dev.sora4j.internal.openai;

import com.openai.core.ClientOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpMethod;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import dev.sora4j.internal.wire.WireRequest;
import dev.sora4j.options.AuthHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a {@link WireRequest} through the SDK's own HTTP client, so its timeouts and headers apply
 * while the body is exactly what a preview shows. Every raw POST makes something (a job, a
 * character), so the SDK's retries are off and {@link CreateOnce} resends only what made nothing.
 */
final class RawPosts {
    private final ClientOptions options;
    private final GatewaySettings settings;
    private final SdkErrors errors;

    RawPosts(ClientOptions options, GatewaySettings settings, SdkErrors errors) {
        this.options = options;
        this.settings = settings;
        this.errors = errors;
    }

    /** The response body of a successful POST; an error status becomes an ApiException. */
    String send(WireRequest wire) {
        return CreateOnce.send(settings.maxRetries(), () -> sendOnce(wire));
    }

    private String sendOnce(WireRequest wire) {
        // The typed services add credentials while preparing a request; a raw request adds them here.
        boolean apiKeyHeader = settings.authHeader() == AuthHeader.API_KEY;
        HttpRequest request = HttpRequest.builder()
                .method(HttpMethod.POST)
                .baseUrl(options.baseUrl())
                .addPathSegments(wire.path().split("/"))
                .putAllHeaders(options.headers())
                .putAllQueryParams(options.queryParams())
                .putHeader(
                        apiKeyHeader ? "api-key" : "Authorization",
                        apiKeyHeader ? settings.apiKey() : "Bearer " + settings.apiKey())
                .body(RequestBodies.of(wire))
                .build();
        return errors.call(() -> {
            try (HttpResponse response = options.httpClient().execute(request)) {
                settings.observer().onResponse(response.statusCode(), lowerCase(response.headers()));
                String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                if (response.statusCode() >= 400) {
                    throw SdkErrors.fromResponse(response.statusCode(), text, response.headers(), null);
                }
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> out = new HashMap<>();
        for (String name : headers.names()) {
            out.put(name.toLowerCase(Locale.ROOT), headers.values(name));
        }
        return out;
    }
}
