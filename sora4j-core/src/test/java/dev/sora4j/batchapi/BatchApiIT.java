package dev.sora4j.batchapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchDefaults;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.batch.JobsFile;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.errors.ApiException;
import dev.sora4j.internal.files.Mp4Check;
import dev.sora4j.internal.openai.GatewaySettings;
import dev.sora4j.internal.openai.OpenAiBatchGateway;
import dev.sora4j.model.Variant;
import dev.sora4j.options.AuthHeader;
import dev.sora4j.options.PollOptions;
import dev.sora4j.options.ResponseObserver;
import dev.sora4j.spi.BatchApiGateway;
import dev.sora4j.spi.BatchInfo;
import dev.sora4j.spi.RemoteFile;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Batch API flow against the real emulator, with a "crash" injected after each call of submit
 * (the call reached the server, its answer was lost) and during collect; every rerun must finish
 * without a second upload, batch or download.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BatchApiIT {
    @TempDir
    Path dir;

    ManualClock clock;
    Emulator emulator;

    @BeforeEach
    void start() {
        clock = new ManualClock(Instant.parse("2026-11-04T09:00:00Z"));
        emulator = Emulator.start(
                EmulatorConfig.defaults(dir.resolve("emu"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock),
                0);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Loses the answer of the {@code n}th call whose name is {@code step}: the server did the work, the caller crashed. */
    static final class Crash implements BatchApiGateway {
        private final BatchApiGateway real;
        private final String step;
        private final AtomicInteger left;

        Crash(BatchApiGateway real, String step, int n) {
            this.real = real;
            this.step = step;
            this.left = new AtomicInteger(n);
        }

        private <T> T after(String name, T answer) {
            if (name.equals(step) && left.decrementAndGet() == 0) {
                throw ApiException.builder()
                        .message("simulated crash after " + name)
                        .build();
            }
            return answer;
        }

        @Override
        public RemoteFile upload(byte[] bytes, String filename, String purpose) {
            return after("upload-" + purpose, real.upload(bytes, filename, purpose));
        }

        @Override
        public List<RemoteFile> listFiles(String purpose) {
            return real.listFiles(purpose);
        }

        @Override
        public byte[] content(String fileId) {
            return real.content(fileId);
        }

        @Override
        public BatchInfo create(String inputFileId, String completionWindow, Map<String, String> metadata) {
            return after("create", real.create(inputFileId, completionWindow, metadata));
        }

        @Override
        public BatchInfo retrieve(String batchId) {
            return real.retrieve(batchId);
        }

        @Override
        public BatchInfo cancel(String batchId) {
            return real.cancel(batchId);
        }

        @Override
        public BatchPage list(int limit, Optional<String> after) {
            return real.list(limit, after);
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private SoraClient client(String crashStep, int n) {
        BatchApiGateway real = new OpenAiBatchGateway(new GatewaySettings(
                emulator.baseUrl(), "sk-batch", AuthHeader.BEARER, 0, Duration.ofSeconds(30), ResponseObserver.NONE));
        return SoraClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey("sk-batch")
                .clock(clock)
                .sleeper(d -> {
                    clock.advance(d);
                    emulator.tick();
                    emulator.awaitRenders(Duration.ofSeconds(30));
                })
                .batchGateway(crashStep == null ? real : new Crash(real, crashStep, n))
                .build();
    }

    private long count(String route) {
        @SuppressWarnings("unchecked")
        Map<String, Long> requests = (Map<String, Long>) emulator.stats().get("requests");
        return requests.getOrDefault(route, 0L);
    }

    private List<BatchJob> jobs(Path input) throws Exception {
        BufferedImage frame = new BufferedImage(720, 1280, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(frame, "png", dir.resolve("first.png").toFile());
        Files.writeString(input, """
                A paper boat on a pond
                {"prompt": "A lighthouse at dusk", "out": "lighthouse"}
                {"prompt": "From the first frame", "input_reference": "first.png"}
                """);
        return new JobsFile(
                        dev.sora4j.rules.VideoRules.of(dev.sora4j.rules.Profile.GUIDE),
                        new BatchDefaults(null, "720x1280", "4", List.of(), null, null, false),
                        w -> {})
                .read(input);
    }

    @Test
    void crashes_after_each_submit_call_and_during_collect_never_repeat_an_upload_batch_or_download() throws Exception {
        Path input = dir.resolve("jobs.jsonl");
        List<BatchJob> jobs = jobs(input);
        Path out = dir.resolve("out");
        SoraBatches.SubmitOptions options = new SoraBatches.SubmitOptions("24h", Map.of("project", "it"), 0.5);
        try (BatchApiStore store = BatchApiStore.open(dir.resolve("batches.db"), clock)) {
            // Crash 1: the image reached the server, its answer did not.
            try (SoraClient c = client("upload-vision", 1)) {
                assertThatThrownBy(() -> SoraBatches.of(c, store).submit(input, jobs, options, s -> {}))
                        .hasMessageContaining("simulated crash");
            }
            // Crash 2: the input file reached the server, its answer did not.
            try (SoraClient c = client("upload-batch", 1)) {
                assertThatThrownBy(() -> SoraBatches.of(c, store).submit(input, jobs, options, s -> {}))
                        .hasMessageContaining("simulated crash");
            }
            // Crash 3: the batch was created, its answer was lost.
            try (SoraClient c = client("create", 1)) {
                assertThatThrownBy(() -> SoraBatches.of(c, store).submit(input, jobs, options, s -> {}))
                        .hasMessageContaining("simulated crash");
            }
            SubmitResult submitted;
            try (SoraClient c = client(null, 0)) {
                submitted = SoraBatches.of(c, store).submit(input, jobs, options, s -> {});
                SubmitResult again = SoraBatches.of(c, store).submit(input, jobs, options, s -> {});
                assertThat(again.resumed()).isTrue();
                assertThat(again.batch().id()).isEqualTo(submitted.batch().id());
            }
            assertThat(count("POST /v1/files"))
                    .as("one image and one input file")
                    .isEqualTo(2);
            assertThat(count("POST /v1/batches")).isEqualTo(1);
            assertThat(submitted.batch().metadata())
                    .containsEntry("project", "it")
                    .containsEntry(SoraBatches.SUBMISSION_METADATA, submitted.key());
            assertThat(submitted.imageFileIds()).containsOnlyKeys(3);

            // Crash 4: collect dies right after its first download is recorded.
            try (SoraClient c = client(null, 0)) {
                assertThatThrownBy(() -> SoraBatches.of(c, store)
                                .collect(
                                        "@last",
                                        out,
                                        Set.of(Variant.VIDEO),
                                        new PollOptions(Duration.ofSeconds(2), null),
                                        s -> {
                                            if (s.contains("downloaded ")) {
                                                throw new IllegalStateException("simulated crash in collect");
                                            }
                                        }))
                        .hasMessageContaining("simulated crash");
            }
            assertThat(count("GET /v1/videos/{id}/content")).isEqualTo(1);
            CollectResult result;
            try (SoraClient c = client(null, 0)) {
                result = SoraBatches.of(c, store)
                        .collect(
                                "@last",
                                out,
                                Set.of(Variant.VIDEO),
                                new PollOptions(Duration.ofSeconds(2), null),
                                s -> {});
                CollectResult again = SoraBatches.of(c, store)
                        .collect(submitted.batch().id(), out, Set.of(Variant.VIDEO), PollOptions.defaults(), s -> {});
                assertThat(again.rows())
                        .allSatisfy(r -> assertThat(r.downloadedNow()).isZero());
            }
            assertThat(result.batch().status()).isEqualTo("completed");
            assertThat(result.failed()).isEmpty();
            assertThat(result.rows())
                    .extracting(CollectResult.Row::customId)
                    .containsExactly("001-a-paper-boat-on-a-pond", "lighthouse", "003-from-the-first-frame");
            assertThat(result.rows()).extracting(CollectResult.Row::line).containsExactly(1, 2, 3);
            assertThat(result.rows().stream()
                            .mapToInt(CollectResult.Row::downloadedNow)
                            .sum())
                    .isEqualTo(2);
            for (CollectResult.Row r : result.rows()) {
                assertThat(Mp4Check.problem(r.files().get(0))).isEmpty();
            }
            assertThat(count("GET /v1/videos/{id}/content"))
                    .as("each video fetched once")
                    .isEqualTo(3);
            assertThat(emulator.jobsCreated()).isEqualTo(3);
        }
    }
}
