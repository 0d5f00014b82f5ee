package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.emulator.config.WebhookConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sora batch plan/submit/status/collect} and {@code sora webhooks listen} (in-process)
 * against the emulator's signed webhooks: a delivery retried by the emulator is processed once,
 * batch.completed collects the batch, and forged, stale and replayed deliveries are refused and
 * change nothing.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BatchWebhooksIT {
    private static final String SECRET = "whsec_"
            + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void batch_flow_and_webhooks_process_each_event_once_and_refuse_forged_stale_and_replayed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI hook = URI.create("http://127.0.0.1:" + port + "/webhooks");
        ManualClock clock = new ManualClock(Instant.parse("2026-11-04T09:00:00Z"));
        Path out = dir.resolve("out");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Emulator emulator = Emulator.start(
                EmulatorConfig.defaults(dir.resolve("emu"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .withWebhooks(WebhookConfig.to(List.of(hook), SECRET).withRetries(8, Duration.ofMillis(200))),
                0)) {
            Runnable advance = () -> {
                clock.advance(Duration.ofSeconds(30));
                emulator.tick();
                emulator.awaitRenders(Duration.ofSeconds(30));
                emulator.tick();
            };
            CliRun sora = new CliRun(
                    Map.of(
                            "SORA4J_HOME",
                            dir.resolve("home").toString(),
                            "OPENAI_API_KEY",
                            "sk-hooks",
                            "OPENAI_BASE_URL",
                            emulator.baseUrl(),
                            "SORA4J_WEBHOOK_SECRET",
                            SECRET),
                    clock,
                    d -> advance.run());

            // A single video completes while nobody listens: the emulator's first delivery fails and is retried.
            CliRun.Result created = sora.run("create", "--prompt", "A kite", "--seconds", "4", "--size", "720x1280");
            assertThat(created.code()).as(created.err()).isZero();
            String single = String.valueOf(Json.parse(created.out()).get("id"));
            advance.run();

            Future<CliRun.Result> listener = pool.submit(() ->
                    sora.run("webhooks", "listen", "--port", Integer.toString(port), "--out-dir", out.toString()));
            waitUntil(() -> Files.isRegularFile(out.resolve(single + ".mp4")));

            // The Batch API through the CLI: plan, submit, then the emulator's batch.completed collects it.
            Path jobs = Files.writeString(
                    dir.resolve("jobs.jsonl"), "A paper boat\n{\"prompt\": \"A lighthouse\", \"out\": \"light\"}\n");
            CliRun.Result plan = sora.run(
                    "batch",
                    "plan",
                    "--input",
                    jobs.toString(),
                    "--out",
                    dir.resolve("batch.jsonl").toString(),
                    "--seconds",
                    "4",
                    "--size",
                    "720x1280");
            assertThat(plan.code()).as(plan.err()).isZero();
            assertThat(Files.readAllLines(dir.resolve("batch.jsonl")))
                    .hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("\"method\":\"POST\"", "\"url\":\"/v1/videos\""));
            assertThat(plan.err()).contains("estimated $0.40 at batch prices ($0.80 standard");
            CliRun.Result submit = sora.run(
                    "batch",
                    "submit",
                    "--input",
                    jobs.toString(),
                    "--seconds",
                    "4",
                    "--size",
                    "720x1280",
                    "--metadata",
                    "shot=teaser");
            assertThat(submit.code()).as(submit.err()).isZero();
            advance.run();
            advance.run();
            CliRun.Result status = sora.run("batch", "status", "@last", "--wait", "--poll-interval", "5");
            assertThat(status.code()).as(status.err()).isZero();
            assertThat(Json.parse(status.out())).containsEntry("status", "completed");
            waitUntil(() -> mp4s(out) >= 3);

            // Deliveries the emulator never sent.
            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"id\":\"evt_test\",\"object\":\"event\",\"created_at\":1,\"type\":\"video.completed\","
                    + "\"data\":{\"id\":\"" + single + "\"}}";
            long now = System.currentTimeMillis() / 1000;
            assertThat(post(
                            http,
                            hook,
                            "wh_forged",
                            now,
                            body,
                            "whsec_"
                                    + Base64.getEncoder()
                                            .encodeToString("another-secret-another-secret!!!"
                                                    .getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(401);
            assertThat(post(http, hook, "wh_stale", now - 600, body, SECRET)).isEqualTo(401);
            assertThat(post(http, hook, "wh_replay", now, body, SECRET)).isEqualTo(202);
            assertThat(post(http, hook, "wh_replay", now, body, SECRET)).isEqualTo(409);
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            // Rerunning collect finds every file already there.
            CliRun.Result collect = sora.run("batch", "collect", "@last", "--out-dir", out.toString());
            assertThat(collect.code()).as(collect.err()).isZero();
            Map<String, Object> collected = Json.parse(collect.out());
            assertThat(collected).containsEntry("lines", 2).containsEntry("failed", 0);
            assertThat((List<?>) collected.get("results"))
                    .allSatisfy(r ->
                            assertThat(((Map<?, ?>) r).get("downloaded_now")).isEqualTo(0));

            waitUntil(() -> pending(dir.resolve("home")) == 0);
            listener.cancel(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            @SuppressWarnings("unchecked")
            Map<String, Long> requests = (Map<String, Long>) emulator.stats().get("requests");
            assertThat(requests.get("GET /v1/videos/{id}/content"))
                    .as("three videos, each downloaded once")
                    .isEqualTo(3);
            assertThat(mp4s(out)).isEqualTo(3);
            assertThat(requests.get("POST /v1/batches")).isEqualTo(1);
            try (var store = dev.sora4j.batchapi.BatchApiStore.open(dir.resolve("home/batches.db"), clock)) {
                List<dev.sora4j.batchapi.BatchApiStore.Delivery> all = store.deliveries(null);
                assertThat(all)
                        .extracting(dev.sora4j.batchapi.BatchApiStore.Delivery::webhookId)
                        .doesNotHaveDuplicates()
                        .contains("wh_replay")
                        .doesNotContain("wh_forged", "wh_stale");
                assertThat(all)
                        .extracting(dev.sora4j.batchapi.BatchApiStore.Delivery::type)
                        .contains("video.completed", "batch.completed");
                assertThat(all).allSatisfy(d -> assertThat(d.state()).isEqualTo("done"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long pending(Path home) {
        try (var store =
                dev.sora4j.batchapi.BatchApiStore.open(home.resolve("batches.db"), java.time.Clock.systemUTC())) {
            return store.deliveries("pending").size();
        }
    }

    private static long mp4s(Path out) {
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mp4"))
                    .count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static void waitUntil(BooleanSupplier done) throws InterruptedException {
        // Another thread (the listener) does the work; the class @Timeout bounds this loop.
        while (!done.getAsBoolean()) {
            Thread.sleep(50);
        }
    }

    private static int post(HttpClient http, URI url, String id, long timestamp, String body, String secret)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("content-type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", "v1," + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
