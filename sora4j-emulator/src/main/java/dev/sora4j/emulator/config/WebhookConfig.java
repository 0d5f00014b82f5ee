package dev.sora4j.emulator.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Where events go. Each delivery is signed per Standard Webhooks with {@code secret}
 * ({@code whsec_} + base64 key) and retried on a non-2xx answer or a network error, with the same
 * {@code webhook-id}, waiting {@code firstRetry}, then twice as long each time.
 */
public record WebhookConfig(List<URI> urls, String secret, int maxAttempts, Duration firstRetry) {
    /** Standard Webhooks keys are 24 to 64 bytes; fewer than 16 is guessable. */
    public static final int MIN_KEY_BYTES = 16;

    public WebhookConfig {
        urls = List.copyOf(urls);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        for (URI url : urls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException(
                        "webhook URL '" + url + "' must be an http:// or https:// URL with a host");
            }
        }
        if (secret != null && key(secret).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the webhook secret is too short: its key must have at least "
                    + MIN_KEY_BYTES + " bytes (whsec_ + base64 of 16+ random bytes), e.g. whsec_"
                    + Base64.getEncoder()
                            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    public static WebhookConfig none() {
        return new WebhookConfig(List.of(), null, 5, Duration.ofSeconds(1));
    }

    /** Delivers to {@code urls}, signed with {@code secret} (a random one when null; the emulator reports it). */
    public static WebhookConfig to(List<URI> urls, String secret) {
        return new WebhookConfig(urls, secret, 5, Duration.ofSeconds(1));
    }

    public WebhookConfig withRetries(int attempts, Duration first) {
        return new WebhookConfig(urls, secret, attempts, first);
    }

    /** The HMAC key: the base64 part of {@code whsec_...} decoded. */
    public static byte[] key(String secret) {
        String b64 = secret.startsWith("whsec_") ? secret.substring(6) : secret;
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret must be whsec_ followed by base64, e.g. whsec_"
                    + Base64.getEncoder()
                            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
