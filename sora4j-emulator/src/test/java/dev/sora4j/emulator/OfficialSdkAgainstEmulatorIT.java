package dev.sora4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnexpectedStatusCodeException;
import com.openai.errors.UnprocessableEntityException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDeleteResponse;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoListPage;
import com.openai.models.videos.VideoListParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The official openai-java SDK, unmodified, against the emulator on port 0. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@SuppressWarnings("deprecation")
class OfficialSdkAgainstEmulatorIT {
    @TempDir
    static Path state;

    static ManualClock clock;
    static Emulator emulator;
    static OpenAIClient sdk;

    @BeforeAll
    static void start() {
        clock = new ManualClock(Instant.parse("2026-11-01T10:00:00Z"));
        emulator = Emulator.start(
                EmulatorConfig.defaults(state).withRenderMode(RenderMode.FAST).withClock(clock), 0);
        sdk = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey("test-key")
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        emulator.close();
    }

    private Video finish(Video created) {
        clock.advance(Duration.ofMinutes(1));
        assertThat(emulator.awaitRenders(Duration.ofMinutes(2))).isTrue();
        return sdk.videos().retrieve(created.id());
    }

    @Test
    void create_retrieve_download_all_variants_and_delete() throws Exception {
        Video created = sdk.videos()
                .create(VideoCreateParams.builder()
                        .prompt("A paper boat drifting on a pond")
                        .model("sora-2")
                        .size(VideoSize.of("1280x720"))
                        .seconds(VideoSeconds.of("4"))
                        .build());
        assertThat(created.id()).matches("video_[0-9a-f]{48}");
        assertThat(created.status()).isEqualTo(Video.Status.QUEUED);
        assertThat(created.progress()).isZero();

        clock.advance(Duration.ofMillis(1500));
        assertThat(sdk.videos().retrieve(created.id()).status()).isEqualTo(Video.Status.IN_PROGRESS);

        Video done = finish(created);
        assertThat(done.status()).isEqualTo(Video.Status.COMPLETED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.completedAt()).isPresent();
        assertThat(done.expiresAt().orElseThrow()).isEqualTo(done.completedAt().orElseThrow() + 3600);

        byte[] mp4 = download(created.id(), VideoDownloadContentParams.Variant.VIDEO);
        assertThat(new String(mp4, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ftyp");
        byte[] webp = download(created.id(), VideoDownloadContentParams.Variant.THUMBNAIL);
        assertThat(new String(webp, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("RIFF");
        assertThat(new String(webp, 8, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("WEBP");
        byte[] jpg = download(created.id(), VideoDownloadContentParams.Variant.SPRITESHEET);
        assertThat(jpg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpg[1] & 0xFF).isEqualTo(0xD8);

        VideoDeleteResponse deleted = sdk.videos().delete(created.id());
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.id()).isEqualTo(created.id());
        assertThatThrownBy(() -> sdk.videos().retrieve(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void multipart_create_with_an_image_upload() throws Exception {
        BufferedImage img = new BufferedImage(720, 1280, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Video created = sdk.videos()
                .create(VideoCreateParams.builder()
                        .prompt("From this first frame")
                        .size(VideoSize.of("720x1280"))
                        .inputReference(png.toByteArray())
                        .build());
        assertThat(created.size().asString()).isEqualTo("720x1280");
        assertThat(finish(created).status()).isEqualTo(Video.Status.COMPLETED);
    }

    @Test
    void list_pages_through_more_than_two_pages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(sdk.videos()
                    .create(VideoCreateParams.builder().prompt("page test " + i).build())
                    .id());
            clock.advance(Duration.ofMillis(10));
        }
        VideoListPage page =
                sdk.videos().list(VideoListParams.builder().limit(3).build());
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (pages < 20) {
            pages++;
            page.data().forEach(v -> seen.add(v.id()));
            if (!page.hasNextPage()) {
                break;
            }
            page = page.nextPage();
        }
        assertThat(pages).isGreaterThan(2);
        assertThat(seen).doesNotHaveDuplicates().containsAll(ids);
        // Default order is newest first.
        assertThat(seen.indexOf(ids.get(6))).isLessThan(seen.indexOf(ids.get(0)));
        emulator.awaitRenders(Duration.ofMinutes(2));
    }

    static List<Object[]> faults() {
        return List.of(
                new Object[] {400, BadRequestException.class},
                new Object[] {401, UnauthorizedException.class},
                new Object[] {403, PermissionDeniedException.class},
                new Object[] {404, NotFoundException.class},
                new Object[] {422, UnprocessableEntityException.class},
                new Object[] {429, RateLimitException.class},
                new Object[] {500, InternalServerException.class},
                new Object[] {503, InternalServerException.class},
                new Object[] {418, UnexpectedStatusCodeException.class});
    }

    @ParameterizedTest
    @MethodSource("faults")
    void each_error_status_maps_to_the_sdk_exception_class(int status, Class<? extends Exception> expected) {
        OpenAIClient faulty = sdk.withOptions(o -> o.putHeader(Emulator.FAULT_HEADER, Integer.toString(status)));
        assertThatThrownBy(() -> faulty.videos().list()).isInstanceOf(expected);
    }

    @Test
    void real_validation_errors_carry_the_openai_envelope() {
        assertThatThrownBy(() -> sdk.videos()
                        .create(VideoCreateParams.builder()
                                .prompt("x")
                                .seconds(VideoSeconds.of("5"))
                                .build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.getMessage())
                            .contains("Invalid value: '5'. Supported values are: '4', '8', '12', '16', and '20'.");
                    assertThat(e.param()).contains("seconds");
                    assertThat(e.code()).contains("invalid_value");
                    assertThat(e.type()).contains("invalid_request_error");
                });
        assertThatThrownBy(() -> sdk.videos()
                        .create(VideoCreateParams.builder()
                                .prompt("x")
                                .size(VideoSize.of("1920x1080"))
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'1280x720'");
        assertThatThrownBy(() -> sdk.videos().retrieve("video_nope")).isInstanceOf(NotFoundException.class);
        OpenAIClient anonymous = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey(" ")
                .maxRetries(0)
                .build();
        assertThatThrownBy(() -> anonymous.videos().list()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void content_before_completion_is_a_client_error_not_bytes() {
        Video created = sdk.videos()
                .create(VideoCreateParams.builder().prompt("not yet").build());
        assertThatThrownBy(() -> download(created.id(), VideoDownloadContentParams.Variant.VIDEO))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("queued");
        assertThatThrownBy(() -> sdk.videos().delete(created.id())).isInstanceOf(BadRequestException.class);
        emulator.awaitRenders(Duration.ofMinutes(2));
    }

    @Test
    void every_video_object_has_all_thirteen_spec_fields() throws Exception {
        Video created =
                sdk.videos().create(VideoCreateParams.builder().prompt("fields").build());
        java.net.http.HttpResponse<String> raw = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(emulator.baseUrl() + "/videos/" + created.id()))
                                .header("Authorization", "Bearer test-key")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = new com.fasterxml.jackson.databind.ObjectMapper().readValue(raw.body(), Map.class);
        assertThat(fields)
                .containsOnlyKeys(
                        "id",
                        "object",
                        "model",
                        "status",
                        "progress",
                        "created_at",
                        "completed_at",
                        "expires_at",
                        "prompt",
                        "size",
                        "seconds",
                        "remixed_from_video_id",
                        "error");
        assertThat(raw.headers().firstValue("x-request-id"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
        emulator.awaitRenders(Duration.ofMinutes(2));
    }

    private byte[] download(String id, VideoDownloadContentParams.Variant variant) throws Exception {
        try (HttpResponse r = sdk.videos()
                .downloadContent(
                        id,
                        VideoDownloadContentParams.builder().variant(variant).build())) {
            return r.body().readAllBytes();
        }
    }
}
