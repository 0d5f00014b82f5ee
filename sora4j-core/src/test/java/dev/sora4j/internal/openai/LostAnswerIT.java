package dev.sora4j.internal.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.SoraClient;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.FaultRule;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.errors.ApiException;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.LedgerStatus;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.options.AuthHeader;
import dev.sora4j.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A create, an upload or a batch whose answer is lost after the server carried it out (a gateway's
 * 502) is not sent again by the SDK's retries: one job, one file, one batch on the server. A single
 * create's job is then looked for on the server and adopted; when that search fails too, the ledger
 * keeps the create as unknown. What certainly made nothing (a 429) is still sent again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LostAnswerIT {
    private static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-03T08:00:00Z"));

    @TempDir
    Path dir;

    private Emulator emulator(String... faults) {
        return Emulator.start(
                EmulatorConfig.defaults(dir.resolve("emu"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(CLOCK)
                        .withFaults(
                                List.of(faults).stream().map(FaultRule::parse).toList()),
                0);
    }

    private static long requests(Emulator emulator, String route) {
        @SuppressWarnings("unchecked")
        Map<String, Object> requests = (Map<String, Object>) emulator.stats().get("requests");
        Object n = requests.get(route);
        return n == null ? 0 : ((Number) n).longValue();
    }

    private SoraClient client(Emulator emulator, SqliteLedger ledger) {
        return SoraClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey("test-key")
                .maxRetries(2)
                .clock(CLOCK)
                .ledger(ledger)
                .build();
    }

    @Test
    void a_create_whose_answer_was_lost_is_sent_once_then_found_on_the_server_and_adopted() {
        try (Emulator emulator = emulator("POST /v1/videos every=1 status=502 lose-answer=1");
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), CLOCK);
                SoraClient sora = client(emulator, ledger)) {
            VideoJob job = sora.create(
                    VideoRequest.builder().prompt("A kite over the dunes").build());
            // The SDK would have sent it three times (two retries), making three paid jobs.
            assertThat(requests(emulator, "POST /v1/videos")).isEqualTo(1);
            assertThat(emulator.stats()).containsEntry("jobs_created", 1L);
            assertThat(job.prompt()).contains("A kite over the dunes");
            LedgerEntry entry = ledger.list(null, 10).get(0);
            assertThat(entry.videoId()).isEqualTo(job.id());
            assertThat(LedgerStatus.ADOPTED.matches(entry.status())
                            || entry.status().equals(job.status().value()))
                    .as(entry.status())
                    .isTrue();
        }
    }

    @Test
    void when_the_search_fails_too_the_create_is_not_resent_and_stays_unknown() {
        try (Emulator emulator = emulator(
                        "POST /v1/videos every=1 status=502 lose-answer=1", "GET /v1/videos every=1 status=500");
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), CLOCK);
                SoraClient sora = client(emulator, ledger)) {
            assertThatThrownBy(() -> sora.create(VideoRequest.builder()
                            .prompt("A kite over the dunes")
                            .build()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.mayHaveSucceeded()).isTrue();
                    });
            assertThat(requests(emulator, "POST /v1/videos")).isEqualTo(1);
            assertThat(emulator.stats()).containsEntry("jobs_created", 1L);
            List<LedgerEntry> entries = ledger.list(null, 10);
            assertThat(entries).hasSize(1);
            assertThat(LedgerStatus.UNKNOWN.matches(entries.get(0).status()))
                    .as(entries.get(0).status())
                    .isTrue();
        }
    }

    @Test
    void a_create_refused_with_429_is_sent_again_after_its_wait() {
        try (Emulator emulator = emulator("POST /v1/videos every=2 status=429 retry-after=0");
                SoraClient sora = SoraClient.builder()
                        .baseUrl(emulator.baseUrl())
                        .apiKey("test-key")
                        .maxRetries(2)
                        .clock(CLOCK)
                        .build()) {
            VideoJob first = sora.create(VideoRequest.builder().prompt("First").build());
            VideoJob second =
                    sora.create(VideoRequest.builder().prompt("Second").build());
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(requests(emulator, "POST /v1/videos")).isEqualTo(3);
            assertThat(emulator.stats()).containsEntry("jobs_created", 2L);
        }
    }

    @Test
    void an_upload_and_a_batch_whose_answers_were_lost_are_sent_once() {
        try (Emulator emulator = emulator(
                "POST /v1/files every=1 status=502 lose-answer=1",
                "POST /v1/batches every=1 status=504 lose-answer=1")) {
            OpenAiBatchGateway gateway = new OpenAiBatchGateway(new GatewaySettings(
                    emulator.baseUrl(), "test-key", AuthHeader.BEARER, 2, Duration.ofSeconds(30), null));
            byte[] line =
                    ("{\"custom_id\":\"a\",\"method\":\"POST\",\"url\":\"/v1/videos\",\"body\":{\"prompt\":\"x\"}}\n")
                            .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> gateway.upload(line, "input.jsonl", "batch"))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(502));
            assertThat(requests(emulator, "POST /v1/files")).isEqualTo(1);
            assertThat(gateway.listFiles("batch")).hasSize(1);

            String fileId = gateway.listFiles("batch").get(0).id();
            assertThatThrownBy(() -> gateway.create(fileId, "24h", Map.of()))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(504));
            assertThat(requests(emulator, "POST /v1/batches")).isEqualTo(1);
        }
    }
}
