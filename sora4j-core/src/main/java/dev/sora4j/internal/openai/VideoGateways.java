package dev.sora4j.internal.openai;

import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import dev.sora4j.spi.VideoGateway;

/**
 * Picks the transport for a provider: OpenAI's own protocol goes through the SDK's typed services
 * ({@link OpenAiVideoGateway}); every other dialect through {@link ProviderVideoGateway}, which
 * sends and reads what the profile says over the same SDK HTTP client. The only place that tells
 * providers apart by anything but their profile's data.
 */
public final class VideoGateways {
    private VideoGateways() {}

    /**
     * Opens the gateway for a provider.
     *
     * @param provider the provider profile
     * @param settings base URL, key, auth header, retries, timeout, observer
     * @return the gateway; close it
     */
    public static VideoGateway open(ProviderProfile provider, GatewaySettings settings) {
        if (provider.name().equals(Providers.DEFAULT)) {
            return new OpenAiVideoGateway(settings);
        }
        return new ProviderVideoGateway(provider, settings);
    }
}
