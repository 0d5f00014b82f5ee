package dev.sora4j.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Checks that a delivery was signed with the endpoint's secret and is fresh (Standard Webhooks). */
public interface WebhookVerifier extends AutoCloseable {
    /** The tolerance the official SDKs use: five minutes either way. */
    Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /**
     * Verifies one delivery.
     *
     * @param headers the request headers (names in any case)
     * @param body the raw body, exactly as received
     * @throws WebhookRejectedException when the signature does not match, the timestamp is outside the
     *     tolerance, or a required header is missing
     */
    void verify(Map<String, List<String>> headers, byte[] body);

    @Override
    void close();
}
