package dev.sora4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIException;
import com.openai.models.webhooks.WebhookVerificationParams;
import com.sun.net.httpserver.HttpServer;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.emulator.config.WebhookConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Signed webhooks, received on a local server and verified with the official SDK. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@SuppressWarnings("deprecation")
class WebhooksIT {
    private static final String SECRET = "whsec_"
            + java.util.Base64.getEncoder()
                    .encodeToString("sora4j-webhook-test-key-0123456789".getBytes(StandardCharsets.UTF_8));

    record Delivery(Map<String, String> headers, String body) {}

    @Test
    void video_completed_is_signed_retried_with_the_same_id_and_verifies_with_the_sdk(@TempDir Path dir)
            throws Exception {
        LinkedBlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
                headers.put(name, exchange.getRequestHeaders().getFirst(name));
            }
            received.add(new Delivery(headers, new String(body, StandardCharsets.UTF_8)));
            // The first delivery is refused, so the emulator must retry.
            int status = calls.incrementAndGet() == 1 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        ManualClock clock = new ManualClock(Instant.parse("2026-11-08T10:00:00Z"));
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        EmulatorConfig config = EmulatorConfig.defaults(dir)
                .withRenderMode(RenderMode.FAST)
                .withClock(clock)
                .withWebhooks(WebhookConfig.to(List.of(hook), SECRET).withRetries(3, Duration.ofMillis(50)));
        OpenAIClient sdk = null;
        try (Emulator emulator = Emulator.start(config, 0)) {
            sdk = OpenAIOkHttpClient.builder()
                    .baseUrl(emulator.baseUrl())
                    .apiKey("k")
                    .webhookSecret(SECRET)
                    .build();
            String id = sdk.videos()
                    .create(com.openai.models.videos.VideoCreateParams.builder()
                            .prompt("A kite")
                            .build())
                    .id();
            clock.advance(Duration.ofMinutes(1));
            emulator.awaitRenders(Duration.ofMinutes(1));
            emulator.tick();

            Delivery first = received.poll(10, TimeUnit.SECONDS);
            Delivery retry = received.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(retry).isNotNull();
            assertThat(retry.headers().get("webhook-id"))
                    .isEqualTo(first.headers().get("webhook-id"));
            Map<?, ?> event = new ObjectMapper().readValue(retry.body(), Map.class);
            assertThat(event.get("type")).isEqualTo("video.completed");
            assertThat(event.get("object")).isEqualTo("event");
            assertThat(String.valueOf(event.get("id"))).startsWith("evt_");
            assertThat(event.get("data")).isEqualTo(Map.of("id", id));

            sdk.webhooks().verifySignature(params(retry.body(), retry.headers()));
            String tampered = retry.body().replace(id, "video_someone_else");
            OpenAIClient client = sdk;
            assertThatThrownBy(() -> client.webhooks().verifySignature(params(tampered, retry.headers())))
                    .isInstanceOf(OpenAIException.class);
            // No duplicate announcement of the same job on later rounds.
            emulator.tick();
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        } finally {
            receiver.stop(0);
            if (sdk != null) {
                sdk.close();
            }
        }
    }

    private static WebhookVerificationParams params(String body, Map<String, String> headers) {
        Headers.Builder h = Headers.builder();
        headers.forEach(h::put);
        return WebhookVerificationParams.builder()
                .payload(body)
                .headers(h.build())
                .secret(SECRET)
                .build();
    }
}
