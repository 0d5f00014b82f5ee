package dev.sora4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.Character;
import dev.sora4j.model.CharacterRequest;
import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.RemixRequest;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.options.ExtensionChains;
import dev.sora4j.options.PollListener;
import dev.sora4j.options.PollOptions;
import dev.sora4j.rules.Profile;
import dev.sora4j.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SoraClient's edit, extend, remix and character calls against the emulator on port 0. */
// Real renders under a loaded machine are slow; the bound keeps a hung server from hanging the build.
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DerivedVideosClientIT {
    @TempDir
    static Path state;

    static TestClock clock;
    static Emulator emulator;
    static ExtensionChains chains = ExtensionChains.inMemory();
    static SoraClient guide;
    static SoraClient open;

    @BeforeAll
    static void start() {
        clock = new TestClock(Instant.parse("2026-11-03T08:00:00Z"));
        emulator = Emulator.start(
                EmulatorConfig.defaults(state.resolve("emu"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock),
                0);
        guide = client(Profile.GUIDE);
        open = client(Profile.OPEN);
    }

    private static SoraClient client(Profile profile) {
        return SoraClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey("test-key")
                .profile(profile)
                .clock(clock)
                .extensionChains(chains)
                .sleeper(d -> {
                    clock.advance(d);
                    emulator.awaitRenders(Duration.ofMinutes(3));
                })
                .build();
    }

    @AfterAll
    static void stop() {
        guide.close();
        open.close();
        emulator.close();
    }

    private static VideoJob done(VideoJob job) {
        return guide.waitFor(job.id(), PollOptions.defaults(), PollListener.NONE);
    }

    private static int jobCount() {
        int n = 0;
        for (VideoJob ignored : guide.listAll(100, "asc")) {
            n++;
        }
        return n;
    }

    @Test
    void six_extensions_then_the_client_refuses_under_guide_and_the_emulator_under_open(@TempDir Path out)
            throws Exception {
        VideoJob current = done(guide.create(
                VideoRequest.builder().prompt("A kite rises").seconds(4).build()));
        for (int i = 1; i <= 6; i++) {
            VideoJob next = guide.extend(new ExtendRequest(current.id(), "It climbs higher, part " + i, "4"));
            assertThat(next.seconds()).isEqualTo(Integer.toString(4 + 4 * i));
            current = done(next);
            assertThat(current.status().isCompleted()).isTrue();
        }
        String last = current.id();
        int before = jobCount();
        assertThatThrownBy(() -> guide.extend(new ExtendRequest(last, "One more", "4")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at most 6 times");
        assertThat(jobCount()).as("the client sent no create").isEqualTo(before);

        assertThatThrownBy(() -> open.extend(new ExtendRequest(last, "One more", "4")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("extension_limit_reached");
                });

        Path mp4 = out.resolve("chain.mp4");
        guide.download(last, Variant.VIDEO, mp4, false);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            assertThat(g.getLengthInTime() / 1_000_000.0).isCloseTo(28.0, org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void extend_needs_a_completed_source_and_a_segment_of_at_most_20_seconds() {
        VideoJob queued =
                guide.create(VideoRequest.builder().prompt("Still rendering").build());
        assertThatThrownBy(() -> guide.extend(new ExtendRequest(queued.id(), "x", "4")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("only a completed video");
        assertThatThrownBy(() -> guide.extend(new ExtendRequest(queued.id(), "x", "24")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'24'");
        assertThatThrownBy(() -> open.extend(new ExtendRequest(queued.id(), "x", "21")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("1 to 20");
        done(queued);
    }

    @Test
    void edit_remix_and_characters(@TempDir Path dir) throws Exception {
        VideoJob source =
                done(guide.create(VideoRequest.builder().prompt("A lighthouse").build()));
        VideoJob edited = guide.edit(EditRequest.ofVideo(source.id(), "At night"));
        assertThat(edited.model()).isEqualTo(source.model());
        VideoJob remixed = guide.remix(new RemixRequest(source.id(), "In watercolor"));
        assertThat(remixed.remixedFromVideoId()).isEqualTo(source.id());

        Path clip = dir.resolve("clip.mp4");
        guide.download(source.id(), Variant.VIDEO, clip, false);
        assertThatThrownBy(() -> guide.edit(EditRequest.ofUpload(clip, null, "Purple")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("model is required");
        VideoJob uploadedEdit = guide.edit(EditRequest.ofUpload(clip, "sora-2", "Purple"));
        assertThat(uploadedEdit.size()).isEqualTo(source.size());

        Character mossy = guide.createCharacter(new CharacterRequest("Mossy", clip));
        assertThat(mossy.id()).startsWith("char_");
        assertThat(guide.retrieveCharacter(mossy.id()).name()).isEqualTo("Mossy");
        VideoJob starring = guide.create(VideoRequest.builder()
                .prompt("Mossy waves")
                .characterIds(List.of(mossy.id()))
                .build());
        assertThat(starring.status().value()).isEqualTo("queued");

        Path notMp4 = Files.writeString(dir.resolve("fake.mp4"), "just text");
        assertThatThrownBy(() -> guide.createCharacter(new CharacterRequest("Mossy", notMp4)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not an MP4");
        assertThatThrownBy(() -> guide.createCharacter(new CharacterRequest(" ", clip)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("1 to 80");
        assertThatThrownBy(() -> guide.retrieveCharacter("char_404"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        done(edited);
        done(remixed);
        done(uploadedEdit);
        done(starring);
    }
}
