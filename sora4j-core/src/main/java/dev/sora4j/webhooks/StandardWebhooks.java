package dev.sora4j.webhooks;

import dev.sora4j.internal.openai.SdkWebhookVerifier;
import dev.sora4j.spi.WebhookVerifier;
import java.time.Duration;

/** Standard Webhooks signature checks, as OpenAI signs its events. */
public final class StandardWebhooks {
    private StandardWebhooks() {}

    /**
     * The official SDK's verifier.
     *
     * @param secret the signing secret, {@code whsec_...}
     * @param tolerance how far from now a delivery's timestamp may be
     * @return the verifier; close it when done
     */
    public static WebhookVerifier verifier(String secret, Duration tolerance) {
        return new SdkWebhookVerifier(secret, tolerance);
    }
}
