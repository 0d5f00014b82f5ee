package dev.sora4j.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.ClientOptions;
import dev.sora4j.options.AuthHeader;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SDK client, built through its public builder, and the options it runs with. Raw POSTs reuse
 * those options (the SDK's HTTP client, base URL, headers), so there is one HTTP stack.
 *
 * @param client the SDK client, retrying as configured
 * @param options its options
 * @param clientOnce the same client with the SDK's retries off, for requests that make something
 *     ({@link CreateOnce} decides what is safe to send again)
 * @param optionsOnce its options
 */
record SdkConnection(OpenAIClient client, ClientOptions options, OpenAIClient clientOnce, ClientOptions optionsOnce) {
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
        AtomicReference<ClientOptions> optionsOnce = new AtomicReference<>();
        OpenAIClient clientOnce =
                client.withOptions(o -> optionsOnce.set(o.maxRetries(0).build()));
        return new SdkConnection(client, options.get(), clientOnce, optionsOnce.get());
    }
}
