package dev.sora4j.emulator.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FastRendererIT {
    @TempDir
    Path dir;

    @Test
    void encodes_once_per_size_and_length_and_copies_real_media_of_that_size_and_length() throws Exception {
        AtomicInteger encodes = new AtomicInteger();
        Renderer counting = (spec, out) -> {
            encodes.incrementAndGet();
            new FfmpegRenderer().render(spec, out);
        };
        FastRenderer fast = new FastRenderer(dir.resolve("cache"), counting);
        Renderer.Spec a = new Renderer.Spec("video_a", "one", "sora-2", 320, 240, 2, null, null);
        Renderer.Spec b = new Renderer.Spec("video_b", "two", "sora-2", 320, 240, 2, null, null);
        Renderer.Spec c = new Renderer.Spec("video_c", "three", "sora-2", 240, 320, 3, null, null);
        fast.render(a, dir.resolve("a"));
        fast.render(b, dir.resolve("b"));
        fast.render(c, dir.resolve("c"));
        assertThat(encodes).hasValue(2);
        // A second renderer on the same cache (another process) encodes nothing.
        new FastRenderer(dir.resolve("cache"), (spec, out) -> {
                    throw new IOException("should not encode");
                })
                .render(b, dir.resolve("b2"));

        assertVideo(dir.resolve("b").resolve("video.mp4"), 320, 240, 2.0);
        assertVideo(dir.resolve("b2").resolve("video.mp4"), 320, 240, 2.0);
        assertVideo(dir.resolve("c").resolve("video.mp4"), 240, 320, 3.0);
        BufferedImage sheet =
                ImageIO.read(dir.resolve("c").resolve("spritesheet.jpg").toFile());
        assertThat(sheet).isNotNull();
        byte[] webp = Files.readAllBytes(dir.resolve("c").resolve("thumbnail.webp"));
        assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
    }

    private static void assertVideo(Path mp4, int width, int height, double seconds) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            assertThat(g.getImageWidth()).isEqualTo(width);
            assertThat(g.getImageHeight()).isEqualTo(height);
            assertThat(g.getAudioChannels()).isEqualTo(2);
            assertThat(g.getLengthInTime() / 1_000_000.0).isCloseTo(seconds, Offset.offset(0.05));
        }
    }
}
