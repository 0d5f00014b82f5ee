package dev.sora4j.emulator.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.config.WebhookConfig;
import dev.sora4j.emulator.store.Ids;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts events ({@code {id: evt_..., object: "event", created_at, type, data: {id}}}) to the
 * configured URLs, signed per Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}. Retries keep the same
 * webhook-id. The timestamp is real time, because receivers check it against their own clock.
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookConfig config;
    private final String secret;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService executor;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    public WebhookSender(WebhookConfig config, Clock clock, ObjectMapper json) {
        this.config = config;
        this.secret = config.secret() != null ? config.secret() : randomSecret();
        this.clock = clock;
        this.json = json;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sora4j-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.executor = pool;
    }

    public String secret() {
        return secret;
    }

    public boolean enabled() {
        return !config.urls().isEmpty();
    }

    /** Queues {@code type} about object {@code dataId} for every URL. */
    public void send(String type, String dataId) {
        if (!enabled()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        String eventId = Ids.event();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("created_at", clock.millis() / 1000);
        event.put("type", type);
        event.put("data", Map.of("id", dataId));
        byte[] body;
        try {
            body = json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (URI url : config.urls()) {
            String webhookId = Ids.webhook();
            executor.execute(() -> attempt(url, webhookId, body, 1));
        }
    }

    private void attempt(URI url, String webhookId, byte[] body, int attempt) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json")
                .header("user-agent", "sora4j-emulator")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", "v1," + sign(webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        boolean ok;
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            ok = response.statusCode() / 100 == 2;
        } catch (IOException | RuntimeException e) {
            // Any failure counts, not only network errors: a delivery is never lost silently.
            LOG.info("webhook delivery {} to {} failed (attempt {})", webhookId, url, attempt, e);
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (ok) {
            delivered.incrementAndGet();
            return;
        }
        failedAttempts.incrementAndGet();
        if (attempt < config.maxAttempts()) {
            long wait = config.firstRetry().toMillis() << (attempt - 1);
            executor.schedule(() -> attempt(url, webhookId, body, attempt + 1), wait, TimeUnit.MILLISECONDS);
        } else {
            failed.incrementAndGet();
        }
    }

    public String sign(String webhookId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookConfig.key(secret), "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Object> stats() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("delivered", delivered.get());
        out.put("failed_attempts", failedAttempts.get());
        out.put("gave_up", failed.get());
        return out;
    }

    private static String randomSecret() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
