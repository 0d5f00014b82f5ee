package dev.sora4j.emulator.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FfmpegRendererIT {
    @TempDir
    Path dir;

    @Test
    void renders_h264_aac_mp4_of_exact_size_and_duration_plus_webp_and_jpeg() throws Exception {
        new FfmpegRenderer()
                .render(
                        new Renderer.Spec(
                                "video_t", "A paper boat drifting on a pond", "sora-2", 1280, 720, 4, null, null),
                        dir);

        try (FFmpegFrameGrabber g =
                new FFmpegFrameGrabber(dir.resolve("video.mp4").toFile())) {
            g.start();
            assertThat(g.getFormat()).contains("mp4");
            assertClip(g, 1280, 720, 4);
            assertThat(g.getAudioChannels()).isEqualTo(2);
            // Frames differ over time: the clip moves.
            assertThat(changeBetween(g, 0, 60)).isGreaterThan(1000);
            g.stop();
        }
        byte[] webp = Files.readAllBytes(dir.resolve("thumbnail.webp"));
        assertThat(new String(webp, 8, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("WEBP");
        BufferedImage sheet = ImageIO.read(dir.resolve("spritesheet.jpg").toFile());
        assertThat(sheet.getWidth()).isEqualTo(FfmpegRenderer.SPRITE_TILE_WIDTH * FfmpegRenderer.SPRITE_COLUMNS);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("video.mp4", "thumbnail.webp", "spritesheet.jpg");
        }
    }

    @Test
    void a_still_frame_clip_has_the_same_format_size_and_duration_and_holds_one_picture() throws Exception {
        FfmpegRenderer.stillFrames()
                .render(new Renderer.Spec("cached", "sora4j emulator", "sora-2", 640, 360, 3, null, null), dir);

        try (FFmpegFrameGrabber g =
                new FFmpegFrameGrabber(dir.resolve("video.mp4").toFile())) {
            g.start();
            assertClip(g, 640, 360, 3);
            // The picture is held (a moving clip differs in over a thousand sampled pixels).
            assertThat(changeBetween(g, 0, 60)).isLessThan(50);
            g.stop();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("video.mp4", "thumbnail.webp", "spritesheet.jpg");
        }
    }

    @Test
    void an_extension_keeps_the_source_frames_then_adds_the_new_segment() throws Exception {
        Path sourceDir = dir.resolve("source");
        new FfmpegRenderer()
                .render(
                        new Renderer.Spec("video_s", "A lighthouse at dusk", "sora-2", 720, 1280, 4, null, null),
                        sourceDir);
        Path extDir = dir.resolve("ext");
        new FfmpegRenderer()
                .render(
                        new Renderer.Spec(
                                "video_e",
                                "The lamp turns on",
                                "sora-2",
                                720,
                                1280,
                                8,
                                null,
                                Renderer.Source.prefix(sourceDir.resolve("video.mp4"), 4)),
                        extDir);

        try (FFmpegFrameGrabber src =
                        new FFmpegFrameGrabber(sourceDir.resolve("video.mp4").toFile());
                FFmpegFrameGrabber ext =
                        new FFmpegFrameGrabber(extDir.resolve("video.mp4").toFile())) {
            src.start();
            ext.start();
            double frame = 1_000_000.0 / FfmpegRenderer.FPS;
            assertThat((double) ext.getLengthInTime())
                    .isCloseTo(8_000_000.0, org.assertj.core.data.Offset.offset(frame));
            src.setVideoFrameNumber(30);
            ext.setVideoFrameNumber(30);
            BufferedImage sourceFrame = copy(src.grabImage());
            BufferedImage keptFrame = copy(ext.grabImage());
            ext.setVideoFrameNumber(150);
            BufferedImage newFrame = copy(ext.grabImage());
            // Re-encoding changes a few pixels slightly; a different scene changes most of them.
            assertThat(differingPixels(sourceFrame, keptFrame)).isLessThan(differingPixels(sourceFrame, newFrame) / 10);
        }
    }

    private static BufferedImage copy(Frame frame) {
        BufferedImage src = new org.bytedeco.javacv.Java2DFrameConverter().convert(frame);
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(src, 0, 0, null);
        return out;
    }

    /** H.264 and AAC at this size, as long as asked within a frame. */
    private static void assertClip(FFmpegFrameGrabber g, int width, int height, int seconds) {
        assertThat(g.getVideoCodecName()).isEqualTo("h264");
        assertThat(g.getAudioCodecName()).isEqualTo("aac");
        assertThat(g.getImageWidth()).isEqualTo(width);
        assertThat(g.getImageHeight()).isEqualTo(height);
        double frame = 1_000_000.0 / FfmpegRenderer.FPS;
        assertThat((double) g.getLengthInTime())
                .isCloseTo(seconds * 1_000_000.0, org.assertj.core.data.Offset.offset(frame));
    }

    /** How many sampled pixels differ between two frames of the clip. */
    private static int changeBetween(FFmpegFrameGrabber g, int frameA, int frameB) throws Exception {
        g.setVideoFrameNumber(frameA);
        BufferedImage a = copy(g.grabImage());
        g.setVideoFrameNumber(frameB);
        return differingPixels(a, copy(g.grabImage()));
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                if (Math.abs((a.getRGB(x, y) & 0xFF) - (b.getRGB(x, y) & 0xFF)) > 24) {
                    n++;
                }
            }
        }
        return n;
    }
}
