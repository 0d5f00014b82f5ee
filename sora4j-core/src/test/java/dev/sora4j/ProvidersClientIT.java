package dev.sora4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.Dialect;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoPage;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.options.PollOptions;
import dev.sora4j.providers.UnsupportedFeatureException;
import dev.sora4j.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Create, poll, download, status, list and delete through {@link SoraClient} against the emulator in
 * three dialects of different shape: vLLM-Omni (multipart-only create, served model, failed job with
 * 500), OpenRouter (JSON-only, 202, {@code duration}/{@code resolution}, no list or delete) and LiteLLM
 * (long base64 ids that change between answers, no delete). The per-provider matrix lives elsewhere.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProvidersClientIT {
    @TempDir
    Path dir;

    private record Server(Emulator emulator, TestClock clock) implements AutoCloseable {
        @Override
        public void close() {
            emulator.close();
        }
    }

    private Server start(Dialect dialect) {
        TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
        Emulator emulator = Emulator.start(
                EmulatorConfig.defaults(dir.resolve("state-" + dialect.cliName()))
                        .withClock(clock)
                        .withDialect(dialect)
                        .withRenderMode(RenderMode.FAST),
                0);
        return new Server(emulator, clock);
    }

    private SoraClient client(Server s, String provider, SqliteLedger ledger) {
        return SoraClient.builder()
                .provider(provider)
                .baseUrl(s.emulator().baseUrl())
                .apiKey("sk-test")
                .ledger(ledger)
                .clock(s.clock())
                .sleeper(d -> {
                    s.clock().advance(d);
                    s.emulator().awaitRenders(Duration.ofMinutes(1));
                })
                .build();
    }

    private static VideoJob waitDone(SoraClient sora, String id) {
        return sora.waitFor(id, new PollOptions(Duration.ofSeconds(2), Duration.ofHours(1)), j -> {});
    }

    @Test
    void vllm_omni_multipart_create_without_model_poll_download_list_delete() throws Exception {
        try (Server s = start(Dialect.VLLM_OMNI);
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), s.clock());
                SoraClient sora = client(s, "vllm-omni", ledger)) {
            // No --model: the served model decides (an OpenAI default would be refused as a mismatch).
            VideoJob job = sora.create(VideoRequest.builder()
                    .prompt("a lighthouse at dusk")
                    .size("832x480")
                    .seconds(2)
                    .extras(Map.of("seed", 42))
                    .build());
            assertThat(job.id()).startsWith("video_gen_");
            assertThat(job.model()).isNotEqualTo("sora-2");

            VideoJob done = waitDone(sora, job.id());
            assertThat(done.status().isCompleted()).isTrue();
            assertThat(sora.retrieve(job.id()).status().isCompleted()).isTrue();

            DownloadResult mp4 = sora.download(job.id(), Variant.VIDEO, dir.resolve("v.mp4"), false);
            assertThat(Files.size(mp4.path())).isEqualTo(mp4.bytes()).isPositive();
            // No thumbnails on this server: refused before any request, no file written.
            assertThatThrownBy(() -> sora.download(job.id(), Variant.THUMBNAIL, dir.resolve("t.webp"), false))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("vllm-omni");
            assertThat(dir.resolve("t.webp")).doesNotExist();

            VideoPage page = sora.list(new ListQuery(10, null, null));
            assertThat(page.data()).extracting(VideoJob::id).contains(job.id());

            assertThatThrownBy(() -> sora.edit(new EditRequest("x", job.id(), null, null)))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("vllm-omni")
                    .hasMessageContaining("edit");

            assertThat(sora.delete(job.id()).deleted()).isTrue();

            LedgerEntry recorded = ledger.list(null, 1).get(0);
            assertThat(recorded.provider()).isEqualTo("vllm-omni");
            assertThat(recorded.baseUrl()).isEqualTo(s.emulator().baseUrl());
            assertThat(recorded.videoId()).isEqualTo(job.id());
        }
    }

    @Test
    void openrouter_json_202_duration_resolution_no_list_no_delete() throws Exception {
        try (Server s = start(Dialect.OPENROUTER);
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), s.clock());
                SoraClient sora = client(s, "openrouter", ledger)) {
            assertThatThrownBy(() -> sora.create(VideoRequest.builder()
                            .prompt("a paper boat")
                            .model("sora-2")
                            .build()))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("vendor/model");
            RequestPreview preview = sora.preview(VideoRequest.builder()
                    .prompt("a paper boat")
                    .model("google/veo-3.1")
                    .size("1280x720")
                    .seconds(4)
                    .build());
            assertThat(preview.fields()).containsKeys("duration").doesNotContainKeys("seconds");

            VideoJob job = sora.create(VideoRequest.builder()
                    .prompt("a paper boat")
                    .model("google/veo-3.1")
                    .size("1280x720")
                    .seconds(4)
                    .build());
            assertThat(job.status().isTerminal()).isFalse();
            VideoJob done = waitDone(sora, job.id());
            assertThat(done.status().isCompleted()).isTrue();
            DownloadResult mp4 = sora.download(job.id(), Variant.VIDEO, dir.resolve("o.mp4"), false);
            assertThat(mp4.bytes()).isPositive();

            assertThatThrownBy(() -> sora.list(new ListQuery(10, null, null)))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("openrouter");
            assertThatThrownBy(() -> sora.delete(job.id()))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("openrouter");
            assertThat(ledger.list(null, 1).get(0).provider()).isEqualTo("openrouter");
        }
    }

    @Test
    void litellm_long_ids_keep_the_create_id_and_delete_is_refused() throws Exception {
        try (Server s = start(Dialect.LITELLM);
                SqliteLedger ledger = SqliteLedger.open(dir.resolve("ledger.db"), s.clock());
                SoraClient sora = client(s, "litellm", ledger)) {
            VideoJob job = sora.create(VideoRequest.builder()
                    .prompt("a fox in snow")
                    .model("sora-2")
                    .size("1280x720")
                    .seconds(4)
                    .build());
            assertThat(job.id().length()).isGreaterThan(60);
            VideoJob done = waitDone(sora, job.id());
            assertThat(done.status().isCompleted()).isTrue();
            assertThat(done.id()).isEqualTo(job.id());
            DownloadResult mp4 = sora.download(job.id(), Variant.VIDEO, dir.resolve("l.mp4"), false);
            assertThat(mp4.bytes()).isPositive();
            assertThatThrownBy(() -> sora.download(job.id(), Variant.SPRITESHEET, dir.resolve("s.jpg"), false))
                    .isInstanceOf(UnsupportedFeatureException.class);

            VideoPage page = sora.list(new ListQuery(10, null, null));
            assertThat(page.data()).isNotEmpty();

            assertThatThrownBy(() -> sora.delete(job.id()))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("litellm");
            LedgerEntry e = ledger.list(null, 1).get(0);
            assertThat(e.provider()).isEqualTo("litellm");
            assertThat(e.status()).isEqualTo("completed");
        }
    }
}
