package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.SoraClient;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.errors.ApiException;
import dev.sora4j.media.FitMode;
import dev.sora4j.media.Fitter;
import dev.sora4j.model.CharacterRequest;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.VideoRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The face check through the CLI (issue 13, acceptance 1 and 3) with real photographs (see
 * src/test/resources/faces/LICENSES.md): the astronaut's portrait is refused as an input reference
 * and inside a character clip made from it with FFmpeg; the cat, the coffee cup, the horse
 * illustration and a plain colour image pass. Every refusal leaves the emulator without a POST and
 * the ledger without a job; a client that skips the check gets the emulator's own moderation error.
 * One class, so the detector's natives load once.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FacesCliIT {
    @TempDir
    static Path home;

    @TempDir
    static Path work;

    static ServedCli served;
    static Emulator emulator;
    static CliRun sora;

    @BeforeAll
    static void start() {
        served = ServedCli.start(home, c -> c);
        emulator = served.emulator;
        sora = served.sora;
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    static Path resource(String name) {
        try {
            return Path.of(FacesCliIT.class.getResource("/faces/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static long posts() {
        return served.posts();
    }

    static int ledgerJobs() {
        return served.ledgerJobs();
    }

    /** Runs {@code args}, which must be refused (exit 2, the message) with nothing sent or recorded. */
    static CliRun.Result refused(String message, String... args) {
        long posts = posts();
        int jobs = ledgerJobs();
        CliRun.Result r = sora.run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains(message).doesNotContain("Exception");
        assertThat(posts()).as("requests reaching the emulator").isEqualTo(posts);
        assertThat(ledgerJobs()).as("ledger entries").isEqualTo(jobs);
        return r;
    }

    @Test
    void input_references_with_a_face_are_refused_and_others_pass() throws IOException {
        Path astronaut = resource("astronaut.jpg");
        // Not the video's size: both sizes and the --fit hint, before any face check.
        refused(
                "but the video is 1280x720",
                "create",
                "--prompt",
                "a calm scene",
                "--input-reference",
                astronaut.toString());
        refused(
                "--fit crop|pad|stretch",
                "create",
                "--prompt",
                "a calm scene",
                "--input-reference",
                resource("chelsea-cat.jpg").toString());
        refused(
                "input images with human faces are rejected",
                "create",
                "--prompt",
                "a calm scene",
                "--input-reference",
                astronaut.toString(),
                "--fit",
                "pad");
        refused(
                "input images with human faces are rejected",
                "create",
                "--prompt",
                "a calm scene",
                "--input-reference",
                astronaut.toString(),
                "--fit",
                "pad", // crop and stretch of this square portrait lose the face for the detector
                "--dry-run");

        // A cat, sent for real: the fitted copy (not the original) is uploaded.
        long posts = posts();
        CliRun.Result cat = sora.run(
                "create",
                "--prompt",
                "a cat on a sofa",
                "--input-reference",
                resource("chelsea-cat.jpg").toString(),
                "--fit",
                "crop");
        assertThat(cat.code()).as(cat.err()).isZero();
        assertThat(posts()).isEqualTo(posts + 1);
        try (Stream<Path> fitted = Files.list(home.resolve("fitted"))) {
            Path copy = fitted.findFirst().orElseThrow();
            BufferedImage img = ImageIO.read(copy.toFile());
            assertThat(img.getWidth()).isEqualTo(1280);
            assertThat(img.getHeight()).isEqualTo(720);
        }

        for (String name : new String[] {"coffee.jpg", "horse-illustration.png"}) {
            CliRun.Result r = sora.run(
                    "create",
                    "--prompt",
                    "a still life",
                    "--input-reference",
                    resource(name).toString(),
                    "--fit",
                    "pad",
                    "--dry-run");
            assertThat(r.code()).as(name + ": " + r.err()).isZero();
        }
        Path plain = work.resolve("plain.png");
        ImageIO.write(filled(new Color(40, 120, 200), 1280, 720), "png", plain.toFile());
        CliRun.Result r =
                sora.run("create", "--prompt", "a blue sky", "--input-reference", plain.toString(), "--dry-run");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void character_clips_showing_a_person_are_refused_and_a_cat_passes() throws IOException {
        Path face = clip(resource("astronaut.jpg"), work.resolve("astronaut.mp4"));
        Path cat = clip(resource("chelsea-cat.jpg"), work.resolve("cat.mp4"));
        refused(
                "character uploads are for non-human subjects only",
                "create-character",
                "--name",
                "Ace",
                "--video-file",
                face.toString());
        // The name is checked by the guardrails too.
        refused("copyrighted character", "create-character", "--name", "Mickey Mouse", "--video-file", cat.toString());
        // Not an MP4 by content.
        refused(
                "MP4",
                "create-character",
                "--name",
                "Whiskers",
                "--video-file",
                resource("coffee.jpg").toString());

        long posts = posts();
        CliRun.Result ok = sora.run("create-character", "--name", "Whiskers", "--video-file", cat.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(posts()).isEqualTo(posts + 1);
        String id = String.valueOf(Json.parse(ok.out()).get("id"));

        // The character's name must be in a create's prompt.
        refused("\"Whiskers\"", "create", "--prompt", "a cat on a windowsill", "--character-id", id);
        CliRun.Result named = sora.run("create", "--prompt", "Whiskers on a windowsill", "--character-id", id);
        assertThat(named.code()).as(named.err()).isZero();
    }

    @Test
    void the_emulator_itself_rejects_faces_for_clients_that_skip_the_check() throws IOException {
        Path portrait = work.resolve("astronaut-1280x720.jpg");
        Fitter.fit(resource("astronaut.jpg"), 1280, 720, FitMode.PAD, portrait);
        Path face = clip(resource("astronaut.jpg"), work.resolve("face-raw.mp4"));
        Path cat = clip(resource("chelsea-cat.jpg"), work.resolve("cat-raw.mp4"));
        try (SoraClient raw = SoraClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey("sk-raw")
                .maxRetries(0)
                .faceCheck(Optional.empty())
                .build()) {
            VideoRequest withFace = VideoRequest.builder()
                    .prompt("a calm scene")
                    .inputReference(new InputReference.ImageFile(portrait))
                    .build();
            assertThatThrownBy(() -> raw.create(withFace)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.code()).isEqualTo("moderation_blocked");
                assertThat(e.getMessage()).contains("human faces are rejected");
            });
            assertThatThrownBy(() -> raw.createCharacter(new CharacterRequest("Ace", face)))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("moderation_blocked");
                    });
            assertThat(raw.createCharacter(new CharacterRequest("Tabby", cat)).id())
                    .startsWith("char_");
        }
    }

    static BufferedImage filled(Color c, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** A 2 s, 12 fps, 1280x720 H.264 clip of the picture (lean: 24 frames, ultrafast). */
    static Path clip(Path picture, Path out) throws IOException {
        BufferedImage source;
        try (InputStream in = Files.newInputStream(picture)) {
            source = ImageIO.read(in);
        }
        BufferedImage base = Fitter.fit(source, 1280, 720, FitMode.PAD);
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), 1280, 720, 0);
                Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(12);
            rec.setVideoOption("preset", "ultrafast");
            rec.start();
            BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = frame.createGraphics();
            g.drawImage(base, 0, 0, null);
            g.dispose();
            for (int i = 0; i < 24; i++) {
                rec.record(conv.convert(frame));
            }
            rec.stop();
        }
        return out;
    }
}
