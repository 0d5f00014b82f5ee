package dev.sora4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.Chaos;
import dev.sora4j.emulator.config.Dialect;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.Moderation;
import dev.sora4j.emulator.config.RateLimits;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.emulator.jobs.Stats;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits, injected faults, moderation, the control routes and the gateway dialect, over raw HTTP. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FaultsIT {
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> send(Emulator e, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(e.baseUrl().replace("/v1", "") + path))
                .header("Authorization", "Bearer " + (path.startsWith("/_emulator") ? e.controlToken() : "k"))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String create(Emulator e, String prompt, String... headers) throws Exception {
        HttpResponse<String> r = send(e, "POST", "/v1/videos", "{\"prompt\":\"" + prompt + "\"}", headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("id").asText();
    }

    @Test
    void rate_limits_count_per_model_family_and_answer_429_with_wait_hints(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-10T10:00:00Z"));
        try (Emulator e = Emulator.start(
                EmulatorConfig.defaults(dir)
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .withRateLimits(RateLimits.parse("sora-2=2")),
                0)) {
            HttpResponse<String> first = send(e, "POST", "/v1/videos", "{\"prompt\":\"one\"}");
            assertThat(first.headers().firstValue("x-ratelimit-limit-requests")).contains("2");
            assertThat(first.headers().firstValue("x-ratelimit-remaining-requests"))
                    .contains("1");
            send(e, "POST", "/v1/videos", "{\"prompt\":\"two\",\"model\":\"sora-2-2025-12-08\"}");
            clock.advance(Duration.ofSeconds(15));
            HttpResponse<String> limited = send(e, "POST", "/v1/videos", "{\"prompt\":\"three\"}");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("retry-after")).contains("45");
            assertThat(limited.headers().firstValue("retry-after-ms")).contains("45000");
            assertThat(limited.headers().firstValue("x-ratelimit-remaining-requests"))
                    .contains("0");
            assertThat(limited.body()).contains("rate_limit_exceeded");
            // sora-2-pro has no limit here, and the window slides on the emulator clock.
            assertThat(send(e, "POST", "/v1/videos", "{\"prompt\":\"pro\",\"model\":\"sora-2-pro\"}")
                            .statusCode())
                    .isEqualTo(200);
            clock.advance(Duration.ofSeconds(46));
            assertThat(send(e, "POST", "/v1/videos", "{\"prompt\":\"later\"}").statusCode())
                    .isEqualTo(200);
            assertThat(e.jobsCreated()).isEqualTo(4);
            clock.advance(Duration.ofMinutes(2));
            e.awaitRenders(Duration.ofMinutes(2));
        }
    }

    @Test
    void seeded_error_rates_resets_truncation_latency_and_failed_jobs(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-10T10:00:00Z"));
        Chaos chaos = Chaos.none()
                .withErrorRate("GET /v1/videos/{id}", 0.5)
                .withShouldRetry(true)
                .withSeed(42);
        try (Emulator e = Emulator.start(
                EmulatorConfig.defaults(dir)
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .withChaos(chaos),
                0)) {
            String id = create(e, "A kite");
            int errors = 0;
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> r = send(e, "GET", "/v1/videos/" + id, null);
                if (r.statusCode() != 200) {
                    errors++;
                    assertThat(r.statusCode()).isIn(500, 502, 503);
                    assertThat(r.headers().firstValue("x-should-retry")).contains("true");
                    assertThat(json.readTree(r.body()).get("error").get("type").asText())
                            .isEqualTo("server_error");
                }
            }
            assertThat(errors).isBetween(8, 32);
            // Other routes keep their own (zero) rate.
            assertThat(send(e, "GET", "/v1/videos", null).statusCode()).isEqualTo(200);

            assertThatThrownBy(() -> send(e, "GET", "/v1/videos", null, Emulator.FAULT_HEADER, "reset"))
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> send(e, "GET", "/v1/videos", null, Emulator.FAULT_HEADER, "reset-after-headers"))
                    .isInstanceOf(IOException.class);

            long start = System.nanoTime();
            assertThat(send(e, "GET", "/v1/videos", null, Emulator.FAULT_HEADER, "latency=300")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

            String doomed = create(e, "Doomed", Emulator.FAULT_HEADER, "fail-job");
            clock.advance(Duration.ofMinutes(1));
            e.awaitRenders(Duration.ofMinutes(2));
            // This route fails half the time here (seeded draws): a few tries get through.
            HttpResponse<String> got = send(e, "GET", "/v1/videos/" + doomed, null);
            for (int attempt = 1; attempt < 20 && got.statusCode() != 200; attempt++) {
                got = send(e, "GET", "/v1/videos/" + doomed, null);
            }
            assertThat(got.statusCode()).isEqualTo(200);
            JsonNode failed = json.readTree(got.body());
            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.get("error").get("code").asText()).isEqualTo("internal_error");

            // A range request gets the whole remainder, as a resumed download needs.
            HttpResponse<byte[]> whole = http.send(
                    HttpRequest.newBuilder(URI.create(e.baseUrl() + "/videos/" + id + "/content"))
                            .header("Authorization", "Bearer k")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> rest = http.send(
                    HttpRequest.newBuilder(URI.create(e.baseUrl() + "/videos/" + id + "/content"))
                            .header("Authorization", "Bearer k")
                            .header("Range", "bytes=100-")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(rest.statusCode()).isEqualTo(206);
            assertThat(rest.headers().firstValue("content-range"))
                    .contains("bytes 100-" + (whole.body().length - 1) + "/" + whole.body().length);
            assertThat(rest.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 100, whole.body().length));

            // A truncated download declares the whole length and stops halfway.
            HttpRequest content = HttpRequest.newBuilder(URI.create(e.baseUrl() + "/videos/" + id + "/content"))
                    .header("Authorization", "Bearer k")
                    .header(Emulator.FAULT_HEADER, "truncate")
                    .build();
            HttpResponse<InputStream> cut = http.send(content, HttpResponse.BodyHandlers.ofInputStream());
            long declared = cut.headers().firstValueAsLong("content-length").orElseThrow();
            assertThatThrownBy(() -> {
                        try (InputStream in = cut.body()) {
                            in.readAllBytes();
                        }
                    })
                    .isInstanceOf(IOException.class);
            assertThat(declared).isPositive();
        }
    }

    @Test
    void a_lost_answer_is_carried_out_then_answered_502(@TempDir Path dir) throws Exception {
        try (Emulator e = Emulator.start(
                EmulatorConfig.defaults(dir).withRenderMode(RenderMode.FAST).withControl(true), 0)) {
            HttpResponse<String> lost =
                    send(e, "POST", "/v1/videos", "{\"prompt\":\"Lost answer\"}", Emulator.FAULT_HEADER, "lose-answer");
            assertThat(lost.statusCode()).isEqualTo(502);
            assertThat(json.readTree(lost.body()).get("error").get("type").asText())
                    .isEqualTo("server_error");
            // The job was made all the same: it is listed, and counted.
            JsonNode listed = json.readTree(send(e, "GET", "/v1/videos", null).body());
            assertThat(listed.get("data")).hasSize(1);
            assertThat(listed.get("data").get(0).get("prompt").asText()).contains("Lost answer");
            JsonNode stats =
                    json.readTree(send(e, "GET", "/_emulator/stats", null).body());
            assertThat(stats.get("jobs_created").asInt()).isEqualTo(1);
            assertThat(stats.get("responses_by_status").get("502").asInt()).isEqualTo(1);
        }
    }

    @Test
    void moderation_fails_blocked_prompts_after_queueing(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-10T10:00:00Z"));
        Moderation rules = new Moderation(Map.of("house_rule", List.of("forbidden fruit")));
        try (Emulator e = Emulator.start(
                EmulatorConfig.defaults(dir)
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .withModeration(rules),
                0)) {
            String id = create(e, "A still life with the Forbidden Fruit");
            assertThat(json.readTree(send(e, "GET", "/v1/videos/" + id, null).body())
                            .get("status")
                            .asText())
                    .isEqualTo("queued");
            clock.advance(Duration.ofMinutes(1));
            JsonNode failed =
                    json.readTree(send(e, "GET", "/v1/videos/" + id, null).body());
            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.get("error").get("code").asText()).isEqualTo("moderation_blocked");
            assertThat(failed.get("error").get("message").asText()).contains("house_rule");
            // Whole words only: "fruitful" does not match "forbidden fruit" and the defaults are replaced.
            String fine = create(e, "Pikachu in a forbidden fruitful orchard");
            clock.advance(Duration.ofMinutes(1));
            e.awaitRenders(Duration.ofMinutes(2));
            assertThat(json.readTree(send(e, "GET", "/v1/videos/" + fine, null).body())
                            .get("status")
                            .asText())
                    .isEqualTo("completed");
        }
    }

    @Test
    void control_routes_move_the_clock_count_requests_and_reset(@TempDir Path dir) throws Exception {
        EmulatorConfig config = EmulatorConfig.defaults(dir)
                .withRenderMode(RenderMode.FAST)
                .withClock(new ManualClock(Instant.parse("2026-11-10T10:00:00Z")))
                .withControl(true)
                .withDialect(Dialect.GATEWAY)
                .withAssetTtl(Duration.ofMinutes(5));
        try (Emulator e = Emulator.start(config, 0)) {
            String id = create(e, "A kite");
            JsonNode queued =
                    json.readTree(send(e, "GET", "/v1/videos/" + id, null).body());
            assertThat(queued.has("completed_at"))
                    .as("the gateway dialect omits nulls")
                    .isFalse();
            assertThat(send(e, "POST", "/_emulator/clock/advance", "{\"seconds\": 60}")
                            .statusCode())
                    .isEqualTo(200);
            e.awaitRenders(Duration.ofMinutes(2));
            assertThat(json.readTree(send(e, "GET", "/v1/videos/" + id, null).body())
                            .get("status")
                            .asText())
                    .isEqualTo("completed");
            send(e, "POST", "/_emulator/clock/advance", "{\"seconds\": 600}");
            assertThat(json.readTree(send(e, "GET", "/v1/videos/" + id, null).body())
                            .get("status")
                            .asText())
                    .as("the gateway dialect reports lapsed assets")
                    .isEqualTo("expired");
            assertThat(json.readTree(send(e, "POST", "/_emulator/clock/speed", "{\"speed\": 4}")
                                    .body())
                            .get("speed")
                            .asDouble())
                    .isEqualTo(4.0);

            JsonNode stats =
                    json.readTree(send(e, "GET", "/_emulator/stats", null).body());
            assertThat(stats.get("jobs_created").asLong()).isEqualTo(1);
            assertThat(stats.get("requests").get("GET /v1/videos/{id}").asLong())
                    .isEqualTo(3);
            assertThat(stats.get("jobs_by_prompt_sha256")
                            .get(Stats.promptHash("A kite"))
                            .asLong())
                    .isEqualTo(1);

            send(e, "POST", "/_emulator/reset", "{}");
            assertThat(send(e, "GET", "/v1/videos/" + id, null).statusCode()).isEqualTo(404);
            assertThat(json.readTree(send(e, "GET", "/_emulator/stats", null).body())
                            .get("jobs_created")
                            .asLong())
                    .isZero();
        }
    }

    @Test
    void control_routes_are_absent_unless_enabled(@TempDir Path dir) throws Exception {
        try (Emulator e = Emulator.start(EmulatorConfig.defaults(dir).withRenderMode(RenderMode.FAST), 0)) {
            assertThat(send(e, "GET", "/_emulator/stats", null).statusCode()).isEqualTo(404);
        }
    }
}
