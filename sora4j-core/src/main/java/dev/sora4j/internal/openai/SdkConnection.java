package dev.sora4j.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.ClientOptions;
import dev.sora4j.options.AuthHeader;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDK client, built through its public builder, and the options it runs with. Raw POSTs reuse
 * those options (the SDK's retrying HTTP client, base URL, headers), so there is one HTTP stack.
 */
record SdkConnection(OpenAIClient client, ClientOptions options) {
    static SdkConnection open(GatewaySettings settings) {
        OpenAIOkHttpClient.Builder b = OpenAIOkHttpClient.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .maxRetries(settings.maxRetries())
                .timeout(settings.timeout());
        if (settings.authHeader() == AuthHeader.API_KEY) {
            // Gateways that expect Azure's header: send api-key and drop the bearer header.
            b.removeHeaders("Authorization").putHeader("api-key", settings.apiKey());
        }
        OpenAIClient client = b.build();
        // The SDK does not hand out its options; withOptions passes a builder pre-filled with them.
        AtomicReference<ClientOptions> options = new AtomicReference<>();
        client.withOptions(o -> options.set(o.build()));
        return new SdkConnection(client, options.get());
    }
}
