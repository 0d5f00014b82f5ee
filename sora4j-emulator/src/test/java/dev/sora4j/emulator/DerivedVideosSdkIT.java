package dev.sora4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateCharacterParams;
import com.openai.models.videos.VideoCreateCharacterResponse;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoEditParams;
import com.openai.models.videos.VideoExtendParams;
import com.openai.models.videos.VideoGetCharacterResponse;
import com.openai.models.videos.VideoRemixParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Edits, extensions, remixes and characters, sent by the official SDK (multipart, as it always sends them). */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@SuppressWarnings("deprecation")
class DerivedVideosSdkIT {
    @TempDir
    static Path state;

    static ManualClock clock;
    static Emulator emulator;
    static OpenAIClient sdk;
    static Video source;
    static byte[] sourceMp4;

    @BeforeAll
    static void start() throws Exception {
        clock = new ManualClock(Instant.parse("2026-11-01T10:00:00Z"));
        emulator = Emulator.start(
                EmulatorConfig.defaults(state).withRenderMode(RenderMode.FAST).withClock(clock), 0);
        sdk = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey("test-key")
                .maxRetries(0)
                .build();
        source = finish(sdk.videos()
                .create(VideoCreateParams.builder()
                        .prompt("A lighthouse at dusk")
                        .size(VideoSize.of("1280x720"))
                        .seconds(VideoSeconds.of("4"))
                        .build()));
        try (var body = sdk.videos().downloadContent(source.id()).body()) {
            sourceMp4 = body.readAllBytes();
        }
    }

    @AfterAll
    static void stop() {
        sdk.close();
        emulator.close();
    }

    static Video finish(Video created) {
        clock.advance(Duration.ofMinutes(1));
        assertThat(emulator.awaitRenders(Duration.ofMinutes(2))).isTrue();
        return sdk.videos().retrieve(created.id());
    }

    @Test
    void edit_by_id_keeps_the_source_model_size_and_length() {
        Video edited = sdk.videos()
                .edit(VideoEditParams.builder()
                        .video(VideoEditParams.Video.VideoReferenceInputParam.builder()
                                .id(source.id())
                                .build())
                        .prompt("Same shot at night")
                        .build());
        assertThat(edited.id()).isNotEqualTo(source.id());
        assertThat(edited.status()).isEqualTo(Video.Status.QUEUED);
        assertThat(edited.model().asString()).isEqualTo("sora-2");
        assertThat(edited.size().asString()).isEqualTo("1280x720");
        assertThat(edited.seconds().asString()).isEqualTo("4");
        assertThat(finish(edited).status()).isEqualTo(Video.Status.COMPLETED);
    }

    @Test
    void edit_of_an_uploaded_mp4_needs_a_model_and_reads_the_clip() {
        assertThatThrownBy(() -> sdk.videos()
                        .edit(VideoEditParams.builder()
                                .video(sourceMp4)
                                .prompt("Purple sky")
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("model");
        Video edited = sdk.videos()
                .edit(VideoEditParams.builder()
                        .video(sourceMp4)
                        .prompt("Purple sky")
                        .putAdditionalBodyProperty("model", JsonValue.from("sora-2-pro"))
                        .build());
        assertThat(edited.model().asString()).isEqualTo("sora-2-pro");
        assertThat(edited.size().asString()).isEqualTo("1280x720");
        assertThat(edited.seconds().asString()).isEqualTo("4");

        assertThatThrownBy(() -> sdk.videos()
                        .edit(VideoEditParams.builder()
                                .video("not a video".getBytes())
                                .prompt("x")
                                .putAdditionalBodyProperty("model", JsonValue.from("sora-2"))
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("not an MP4");
    }

    @Test
    void extension_reports_and_renders_the_stitched_total() throws Exception {
        Video extended = sdk.videos()
                .extend(VideoExtendParams.builder()
                        .video(VideoExtendParams.Video.VideoReferenceInputParam.builder()
                                .id(source.id())
                                .build())
                        .prompt("The lamp turns on")
                        .seconds(VideoSeconds.of("8"))
                        .build());
        assertThat(extended.seconds().asString()).isEqualTo("12");
        assertThat(finish(extended).status()).isEqualTo(Video.Status.COMPLETED);
        Path mp4 = state.resolve("extended.mp4");
        try (var body = sdk.videos()
                .downloadContent(
                        extended.id(), VideoDownloadContentParams.builder().build())
                .body()) {
            Files.write(mp4, body.readAllBytes());
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            assertThat(g.getLengthInTime() / 1_000_000.0).isCloseTo(12.0, org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void extensions_take_no_characters_and_only_completed_sources() {
        VideoExtendParams.Video ref =
                VideoExtendParams.Video.ofReferenceInputParam(VideoExtendParams.Video.VideoReferenceInputParam.builder()
                        .id(source.id())
                        .build());
        assertThatThrownBy(() -> sdk.videos()
                        .extend(VideoExtendParams.builder()
                                .video(ref)
                                .prompt("x")
                                .seconds(VideoSeconds.of("4"))
                                .putAdditionalBodyProperty(
                                        "characters", JsonValue.from(List.of(Map.of("id", "char_1"))))
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("extensions accept only");
        assertThatThrownBy(() -> sdk.videos()
                        .extend(VideoExtendParams.builder()
                                .video(ref)
                                .prompt("x")
                                .seconds(VideoSeconds.of("24"))
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'24'");

        Video running = sdk.videos()
                .create(VideoCreateParams.builder().prompt("Still rendering").build());
        assertThatThrownBy(() -> sdk.videos()
                        .extend(VideoExtendParams.builder()
                                .video(VideoExtendParams.Video.VideoReferenceInputParam.builder()
                                        .id(running.id())
                                        .build())
                                .prompt("x")
                                .seconds(VideoSeconds.of("4"))
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("only a completed video");
        finish(running);
    }

    @Test
    void remix_sets_remixed_from_video_id() {
        Video remixed = sdk.videos()
                .remix(
                        source.id(),
                        VideoRemixParams.builder().prompt("In watercolor").build());
        assertThat(remixed.remixedFromVideoId()).contains(source.id());
        assertThat(finish(remixed).status()).isEqualTo(Video.Status.COMPLETED);
        assertThatThrownBy(() -> sdk.videos()
                        .remix(
                                "video_missing",
                                VideoRemixParams.builder().prompt("x").build()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void characters_are_created_from_an_mp4_and_used_in_creates() {
        VideoCreateCharacterResponse mossy = sdk.videos()
                .createCharacter(VideoCreateCharacterParams.builder()
                        .name("Mossy")
                        .video(sourceMp4)
                        .build());
        assertThat(mossy.id().orElseThrow()).matches("char_[0-9a-f]{32}");
        VideoGetCharacterResponse fetched = sdk.videos().getCharacter(mossy.id().orElseThrow());
        assertThat(fetched.name()).contains("Mossy");
        assertThat(fetched.createdAt()).isEqualTo(mossy.createdAt());

        // The SDK sends an extra "characters" property as multipart characters[][id].
        Video withCharacter = sdk.videos()
                .create(VideoCreateParams.builder()
                        .prompt("Mossy waves")
                        .putAdditionalBodyProperty(
                                "characters",
                                JsonValue.from(List.of(Map.of("id", mossy.id().orElseThrow()))))
                        .build());
        assertThat(withCharacter.status()).isEqualTo(Video.Status.QUEUED);

        assertThatThrownBy(() -> sdk.videos()
                        .create(VideoCreateParams.builder()
                                .prompt("x")
                                .putAdditionalBodyProperty(
                                        "characters", JsonValue.from(List.of(Map.of("id", "char_0000"))))
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("char_0000");
        String id = mossy.id().orElseThrow();
        assertThatThrownBy(() -> sdk.videos()
                        .create(VideoCreateParams.builder()
                                .prompt("x")
                                .putAdditionalBodyProperty(
                                        "characters",
                                        JsonValue.from(List.of(Map.of("id", id), Map.of("id", id), Map.of("id", id))))
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("at most 2");
        assertThatThrownBy(() -> sdk.videos()
                        .createCharacter(VideoCreateCharacterParams.builder()
                                .name("x".repeat(81))
                                .video(sourceMp4)
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> sdk.videos()
                        .createCharacter(VideoCreateCharacterParams.builder()
                                .name("Png")
                                .video(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0})
                                .build()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("not an MP4");
        assertThatThrownBy(() -> sdk.videos().getCharacter("char_ffff")).isInstanceOf(NotFoundException.class);
        finish(withCharacter);
    }
}
