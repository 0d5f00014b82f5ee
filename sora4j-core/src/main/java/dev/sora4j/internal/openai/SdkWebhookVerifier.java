package dev.sora4j.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.Headers;
import com.openai.errors.InvalidWebhookSignatureException;
import com.openai.models.webhooks.WebhookVerificationParams;
import dev.sora4j.spi.WebhookRejectedException;
import dev.sora4j.spi.WebhookVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Standard Webhooks verification by the official SDK ({@code client.webhooks().verifySignature}):
 * HMAC-SHA256 over {@code id.timestamp.body}, {@code whsec_} keys, and the timestamp tolerance in
 * both directions. The SDK client is built only for its verifier and never sends a request.
 */
public final class SdkWebhookVerifier implements WebhookVerifier {
    private final OpenAIClient client;
    private final Duration tolerance;

    /**
     * @param secret the signing secret ({@code whsec_...}); never logged
     * @param tolerance how far the delivery's timestamp may be from now
     */
    public SdkWebhookVerifier(String secret, Duration tolerance) {
        // The builder insists on a key; verification never uses it and no request is ever sent.
        this.client = OpenAIOkHttpClient.builder()
                .apiKey("unused-webhook-verifier")
                .webhookSecret(secret)
                .build();
        this.tolerance = tolerance;
    }

    @Override
    public void verify(Map<String, List<String>> headers, byte[] body) {
        Headers.Builder h = Headers.builder();
        headers.forEach((name, values) -> h.put(name, values));
        WebhookVerificationParams params = WebhookVerificationParams.builder()
                .payload(body)
                .headers(h.build())
                .tolerance(tolerance)
                .build();
        try {
            client.webhooks().verifySignature(params);
        } catch (InvalidWebhookSignatureException e) {
            throw new WebhookRejectedException(
                    e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("too")
                            ? WebhookRejectedException.Reason.STALE
                            : WebhookRejectedException.Reason.FORGED,
                    e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED, e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
