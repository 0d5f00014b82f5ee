package dev.sora4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.options.PollListener;
import dev.sora4j.options.PollOptions;
import dev.sora4j.testing.TestClock;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The library end to end: SoraClient on the official SDK against the emulator on port 0. */
// Real renders under a loaded machine are slow; the bound keeps a hung server from hanging the build.
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SoraClientIT {
    @TempDir
    static Path state;

    static TestClock clock;
    static Emulator emulator;
    static SoraClient sora;

    @BeforeAll
    static void start() {
        clock = new TestClock(Instant.parse("2026-11-01T10:00:00Z"));
        emulator = Emulator.start(
                EmulatorConfig.defaults(state).withRenderMode(RenderMode.FAST).withClock(clock), 0);
        sora = SoraClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey("test-key")
                .clock(clock)
                .sleeper(d -> {
                    clock.advance(d);
                    emulator.awaitRenders(Duration.ofMinutes(2));
                })
                .build();
    }

    @AfterAll
    static void stop() {
        sora.close();
        emulator.close();
    }

    @Test
    void json_create_then_wait_then_download_every_variant(@TempDir Path out) throws Exception {
        VideoJob job = sora.create(
                VideoRequest.builder().prompt("A lighthouse at dusk").seconds(8).build());
        assertThat(job.status().value()).isEqualTo("queued");
        assertThat(job.seconds()).isEqualTo("8");
        assertThat(job.size()).isEqualTo("1280x720");

        List<Integer> progress = new ArrayList<>();
        VideoJob done =
                sora.waitFor(job.id(), new PollOptions(Duration.ofMillis(700), null), j -> progress.add(j.progress()));
        assertThat(done.status().isCompleted()).isTrue();
        assertThat(progress).isSorted().last().isEqualTo(100);

        DownloadResult mp4 = sora.download(job.id(), Variant.VIDEO, out.resolve("a.mp4"), false);
        assertThat(mp4.bytes()).isEqualTo(Files.size(out.resolve("a.mp4")));
        assertThat(mp4.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out.resolve("a.mp4")))));
        sora.download(job.id(), Variant.THUMBNAIL, out.resolve("t.webp"), false);
        sora.download(job.id(), Variant.SPRITESHEET, out.resolve("s.jpg"), false);
        assertThat(ImageIO.read(out.resolve("s.jpg").toFile())).isNotNull();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a.mp4", "t.webp", "s.jpg");
        }

        assertThatThrownBy(() -> sora.download(job.id(), Variant.VIDEO, out.resolve("a.mp4"), false))
                .isInstanceOfSatisfying(
                        OutputExistsException.class,
                        e -> assertThat(e.message(field -> "--" + field)).contains("--force"));
        assertThat(sora.download(job.id(), Variant.VIDEO, out.resolve("a.mp4"), true)
                        .bytes())
                .isEqualTo(mp4.bytes());

        assertThat(sora.delete(job.id()).deleted()).isTrue();
        assertThatThrownBy(() -> sora.retrieve(job.id()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void input_reference_as_uploaded_image_and_as_json_object(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("first.png");
        ImageIO.write(new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        VideoJob uploaded = sora.create(VideoRequest.builder()
                .prompt("from an image")
                .inputReference(new InputReference.ImageFile(png))
                .build());
        assertThat(uploaded.id()).startsWith("video_");

        VideoJob byUrl = sora.create(VideoRequest.builder()
                .prompt("from a URL")
                .inputReference(new InputReference.ImageUrl("https://example.com/frame.png"))
                .build());
        assertThat(byUrl.status().value()).isEqualTo("queued");

        Path small = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", small.toFile());
        assertThatThrownBy(() -> sora.create(VideoRequest.builder()
                        .prompt("wrong size")
                        .inputReference(new InputReference.ImageFile(small))
                        .build()))
                // Refused locally now (issue 13): the pre-flight names both sizes, nothing is sent.
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("input_reference");
                    assertThat(e.getMessage())
                            .contains("64x64")
                            .contains("1280x720")
                            .contains("--fit");
                });
        sora.waitFor(uploaded.id(), new PollOptions(Duration.ofSeconds(5), null), PollListener.NONE);
        sora.waitFor(byUrl.id(), new PollOptions(Duration.ofSeconds(5), null), PollListener.NONE);
    }

    @Test
    void list_all_walks_every_page() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(sora.create(VideoRequest.builder().prompt("listing " + i).build())
                    .id());
            clock.advance(Duration.ofMillis(5));
        }
        List<String> seen = new ArrayList<>();
        sora.listAll(2, "asc").forEach(j -> seen.add(j.id()));
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(ids);
        assertThat(sora.list(new ListQuery(2, "desc", null)).data()).hasSize(2);
        emulator.awaitRenders(Duration.ofMinutes(2));
    }

    @Test
    void service_errors_keep_status_code_param_and_request_id() {
        SoraClient open = SoraClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey("k")
                .profile(dev.sora4j.rules.Profile.OPEN)
                .build();
        assertThatThrownBy(() -> open.create(
                        VideoRequest.builder().prompt("x").seconds("5").build()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("seconds");
                    assertThat(e.code()).isEqualTo("invalid_value");
                    assertThat(e.requestId()).startsWith("req_");
                    assertThat(e.getMessage()).startsWith("Invalid value: '5'.");
                });
        open.close();
    }

    @Test
    void unreachable_server_is_an_api_error_with_status_zero() {
        try (SoraClient dead = SoraClient.builder()
                .baseUrl("http://127.0.0.1:1/v1")
                .apiKey("k")
                .maxRetries(0)
                .build()) {
            assertThatThrownBy(() -> dead.retrieve("video_x")).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isZero();
                assertThat(e.getMessage()).contains("127.0.0.1:1");
            });
        }
    }

    @Test
    void no_key_is_a_configuration_error() {
        assertThatThrownBy(
                        () -> SoraClient.builder().baseUrl(emulator.baseUrl()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("OPENAI_API_KEY");
    }
}
