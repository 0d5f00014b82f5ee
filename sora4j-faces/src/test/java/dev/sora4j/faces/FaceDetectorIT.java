package dev.sora4j.faces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.media.ClipInfo;
import dev.sora4j.media.ClipProbe;
import dev.sora4j.media.FitMode;
import dev.sora4j.media.Fitter;
import dev.sora4j.preflight.FaceCheck;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real images (see src/test/resources/faces/LICENSES.md) and clips made from them with FFmpeg. Kept
 * lean for CI: one detector for the class, 2 s clips of 24 frames; the timing run for bench/faces.md
 * runs only with {@code -Dsora4j.bench=true}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaceDetectorIT {
    private static FaceDetector detector;

    @BeforeAll
    static void load() {
        detector = FaceDetector.create();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    static Path resource(String name) {
        try {
            return Path.of(FaceDetectorIT.class.getResource("/faces/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage image(String name) throws IOException {
        try (InputStream in = FaceDetectorIT.class.getResourceAsStream("/faces/" + name)) {
            return ImageIO.read(in);
        }
    }

    static BufferedImage plain(Color c, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void a_photograph_of_a_face_is_found() {
        assertThat(detector.hasHumanFace(resource("astronaut.jpg"))).isTrue();
    }

    @Test
    void the_face_is_found_in_a_1280x720_padded_reference_too() throws IOException {
        BufferedImage fitted = Fitter.fit(image("astronaut.jpg"), 1280, 720, FitMode.PAD);
        assertThat(detector.hasHumanFace(fitted)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chelsea-cat.jpg", "horse-illustration.png", "coffee.jpg"})
    void an_animal_an_illustration_and_a_still_life_have_no_face(String name) {
        assertThat(detector.faces(FaceDetector.read(resource(name)))).as(name).isEmpty();
    }

    @Test
    void a_plain_colour_image_has_no_face() {
        assertThat(detector.hasHumanFace(plain(new Color(40, 120, 200), 1280, 720)))
                .isFalse();
    }

    @Test
    void a_clip_showing_a_face_is_refused_and_a_clip_of_a_cat_is_not(@TempDir Path dir) throws IOException {
        Path faceClip = clip(image("astronaut.jpg"), dir.resolve("astronaut.mp4"), 48);
        Path catClip = clip(image("chelsea-cat.jpg"), dir.resolve("cat.mp4"), 48);
        FaceCheck check = FaceCheck.discover().orElseThrow();
        assertThat(check).isInstanceOf(OpenCvFaceCheck.class);
        assertThat(check.clipHasFace(faceClip)).isTrue();
        assertThat(check.clipHasFace(catClip)).isFalse();
        assertThat(check.imageHasFace(resource("astronaut.jpg"))).isTrue();
        assertThat(ClipSampler.sample(faceClip, OpenCvFaceCheck.FRAMES)).hasSize(OpenCvFaceCheck.FRAMES);
        ClipInfo info = ClipProbe.probe(faceClip);
        assertThat(info.width()).isEqualTo(1280);
        assertThat(info.height()).isEqualTo(720);
        assertThat(info.seconds()).isBetween(1.9, 2.1);
        assertThat(ClipProbe.warnings(faceClip, info)).isEmpty();
    }

    @Test
    @EnabledIfSystemProperty(named = "sora4j.bench", matches = "true")
    void timing_on_a_1280x720_image_and_a_4_second_clip(@TempDir Path dir) throws IOException {
        BufferedImage frame = Fitter.fit(image("chelsea-cat.jpg"), 1280, 720, FitMode.CROP);
        detector.hasHumanFace(frame);
        long t0 = System.nanoTime();
        int runs = 5;
        for (int i = 0; i < runs; i++) {
            detector.hasHumanFace(frame);
        }
        double imageMs = (System.nanoTime() - t0) / 1e6 / runs;
        Path clip = clip(image("chelsea-cat.jpg"), dir.resolve("cat.mp4"), 96);
        OpenCvFaceCheck check = new OpenCvFaceCheck();
        check.clipHasFace(clip);
        long t1 = System.nanoTime();
        boolean face = check.clipHasFace(clip);
        double clipMs = (System.nanoTime() - t1) / 1e6;
        System.out.printf(
                "faces: 1280x720 image (no face, worst case: all three passes) %.0f ms;"
                        + " 4 s 1280x720 clip, %d frames %.0f ms%n",
                imageMs, OpenCvFaceCheck.FRAMES, clipMs);
        assertThat(face).isFalse();
    }

    /** A 24 fps, 1280x720 H.264 clip of {@code frames} frames showing the picture, slowly zooming. */
    static Path clip(BufferedImage picture, Path out, int frames) throws IOException {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), 1280, 720, 0);
                Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(24);
            rec.setVideoOption("preset", "ultrafast");
            rec.start();
            BufferedImage base = Fitter.fit(picture, 1280, 720, FitMode.PAD);
            for (int i = 0; i < frames; i++) {
                BufferedImage f = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = f.createGraphics();
                double z = 1 + i * 0.001;
                int w = (int) (1280 * z);
                int h = (int) (720 * z);
                g.drawImage(base, (1280 - w) / 2, (720 - h) / 2, w, h, null);
                g.dispose();
                rec.record(conv.convert(f));
            }
            rec.stop();
        }
        return out;
    }

    @Test
    void the_discovered_service_is_this_module() {
        assertThat(FaceCheck.discover()).containsInstanceOf(OpenCvFaceCheck.class);
        assertThat(List.of(FaceCheck.imageRefusal(Path.of("me.jpg"))))
                .allMatch(s -> s.startsWith("input images with human faces are rejected"));
    }
}
