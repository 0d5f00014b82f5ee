package dev.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.preflight.ReferenceCheck;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePreflightTest {
    @TempDir
    Path dir;

    private Path png(String name, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, Color.RED.getRGB()); // marks the stored top-left corner
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void a_reference_of_the_right_size_passes_and_is_typed_by_content() throws IOException {
        Path p = png("looks-like.jpg", 1280, 720);
        ImageInfo info = ReferenceCheck.check(p, "1280x720");
        assertThat(info.kind()).isEqualTo(MediaKind.PNG);
        assertThat(info.size()).isEqualTo("1280x720");
    }

    @Test
    void a_size_mismatch_names_both_sizes_and_the_fit_flag() throws IOException {
        Path p = png("small.png", 640, 480);
        assertThatThrownBy(() -> ReferenceCheck.check(p, "1280x720"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("input reference " + p + " is 640x480 but the video is 1280x720;"
                        + " resize it, or pass --fit crop|pad|stretch to send a fitted copy");
    }

    @Test
    void a_file_that_is_not_jpeg_png_or_webp_is_refused() throws IOException {
        Path p = dir.resolve("photo.png");
        Files.writeString(p, "GIF89a not really");
        assertThatThrownBy(() -> ImageProbe.probe(p))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is not a JPEG, PNG or WebP image");
    }

    @Test
    void fitting_gives_the_exact_size_in_every_mode_and_keeps_jpeg_as_jpeg() throws IOException {
        Path src = png("wide.png", 400, 100);
        for (FitMode mode : FitMode.values()) {
            Path out = dir.resolve("fit-" + mode + ".png");
            assertThat(Fitter.fit(src, 160, 90, mode, out)).isEqualTo(MediaKind.PNG);
            assertThat(ReferenceCheck.check(out, "160x90").kind()).isEqualTo(MediaKind.PNG);
        }
        BufferedImage padded = ImageIO.read(dir.resolve("fit-PAD.png").toFile());
        assertThat(padded.getRGB(80, 2) & 0xFFFFFF).as("pad bars are black").isZero();
        Path jpeg = dir.resolve("in.jpg");
        ImageIO.write(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "jpg", jpeg.toFile());
        assertThat(Fitter.fit(jpeg, 32, 18, FitMode.STRETCH, dir.resolve("out.jpg")))
                .isEqualTo(MediaKind.JPEG);
        assertThat(FitMode.parse(" Crop ")).isEqualTo(FitMode.CROP);
        assertThatThrownBy(() -> FitMode.parse("zoom")).hasMessage("--fit must be crop, pad or stretch, not 'zoom'");
    }

    @Test
    void exif_orientations_map_the_stored_corner_where_it_shows() {
        BufferedImage src = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        src.setRGB(0, 0, 0xFF0000);
        assertThat(Fitter.oriented(src, 1)).isSameAs(src);
        // orientation 6: shown rotated 90 degrees clockwise, top-left goes to top-right
        BufferedImage six = Fitter.oriented(src, 6);
        assertThat(six.getWidth()).isEqualTo(2);
        assertThat(six.getHeight()).isEqualTo(4);
        assertThat(six.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Fitter.oriented(src, 3).getRGB(3, 1) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Fitter.oriented(src, 8).getRGB(0, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Fitter.oriented(src, 2).getRGB(3, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Fitter.oriented(src, 7).getRGB(1, 3) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(Fitter.oriented(src, 5).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    /** A header-only MP4: ftyp, then moov with mvhd (version 0) and one trak/tkhd. */
    private Path mp4(long timescale, long duration, int w, int h) throws IOException {
        ByteArrayOutputStream mvhd = new ByteArrayOutputStream();
        DataOutputStream m = new DataOutputStream(mvhd);
        m.writeInt(0); // version, flags
        m.writeInt(0);
        m.writeInt(0);
        m.writeInt((int) timescale);
        m.writeInt((int) duration);
        m.write(new byte[80]);
        ByteArrayOutputStream tkhd = new ByteArrayOutputStream();
        DataOutputStream t = new DataOutputStream(tkhd);
        t.writeInt(0);
        t.write(new byte[72]);
        t.writeInt(w << 16);
        t.writeInt(h << 16);
        byte[] trak = box("trak", box("tkhd", tkhd.toByteArray()));
        byte[] moov = box("moov", concat(box("mvhd", mvhd.toByteArray()), trak));
        Path p = dir.resolve("clip.bin");
        Files.write(p, concat(box("ftyp", "isom\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)), moov));
        return p;
    }

    private static byte[] box(String type, byte[] body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(body.length + 8);
        d.writeBytes(type);
        d.write(body);
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void a_clip_header_gives_duration_and_size_and_the_guides_advice() throws IOException {
        Path good = mp4(1000, 3000, 1280, 720);
        ClipInfo info = ClipProbe.probe(good);
        assertThat(info).isEqualTo(new ClipInfo(3.0, 1280, 720));
        assertThat(ClipProbe.warnings(good, info)).isEmpty();
        Path odd = mp4(600, 6000, 640, 480);
        assertThat(ClipProbe.warnings(odd, ClipProbe.probe(odd)))
                .containsExactly(
                        "character clip " + odd + " lasts 10.00 s; 2 to 4 s works best",
                        "character clip " + odd + " is 640x480; use 16:9 or 9:16",
                        "character clip " + odd + " is 640x480; use 720p to 1080p");
        Path portrait = mp4(1, 4, 1080, 1920);
        assertThat(ClipProbe.warnings(portrait, ClipProbe.probe(portrait))).isEmpty();
    }

    @Test
    void a_clip_that_is_not_mp4_is_refused() throws IOException {
        Path p = png("clip.mp4", 10, 10);
        assertThatThrownBy(() -> ClipProbe.probe(p))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is not an MP4 video");
    }
}
