package dev.sora4j.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.model.Variant;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Crafted bytes: every variant is recognised by content, and no box size can crash or hang the MP4 walk. */
@Timeout(5)
class ContentCheckTest {
    @TempDir
    Path dir;

    private Optional<String> check(byte[] bytes, Variant variant) throws Exception {
        return ContentCheck.problem(Files.write(dir.resolve("f"), bytes), variant);
    }

    private static byte[] webp(int payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(4 + payload)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static byte[] jpeg(int payload) {
        byte[] b = new byte[payload + 5];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[b.length - 2] = (byte) 0xFF;
        b[b.length - 1] = (byte) 0xD9;
        return b;
    }

    /** An 8-byte header box (size as given) followed by {@code rest}. */
    private static byte[] boxes(byte[]... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        return out.toByteArray();
    }

    private static byte[] box(long size, String type, int bodyLength) {
        ByteBuffer b = ByteBuffer.allocate(8 + bodyLength);
        b.putInt((int) size).put(type.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static byte[] largeBox(long largeSize, String type, int bodyLength) {
        ByteBuffer b = ByteBuffer.allocate(16 + bodyLength);
        b.putInt(1).put(type.getBytes(StandardCharsets.US_ASCII)).putLong(largeSize);
        return b.array();
    }

    @Test
    void whole_images_pass_and_cut_or_foreign_ones_fail() throws Exception {
        assertThat(check(webp(100), Variant.THUMBNAIL)).isEmpty();
        assertThat(check(Arrays.copyOf(webp(100), 80), Variant.THUMBNAIL))
                .get()
                .asString()
                .contains("truncated");
        byte[] riffAvi = webp(10);
        System.arraycopy("AVI ".getBytes(StandardCharsets.US_ASCII), 0, riffAvi, 8, 4);
        assertThat(check(riffAvi, Variant.THUMBNAIL)).get().asString().contains("not WebP");
        assertThat(check(jpeg(100), Variant.SPRITESHEET)).isEmpty();
        assertThat(check(Arrays.copyOf(jpeg(100), 90), Variant.SPRITESHEET))
                .get()
                .asString()
                .contains("end marker");
        assertThat(check(new byte[0], Variant.SPRITESHEET)).get().asString().contains("empty");
        assertThat(check("{\"error\":{}}".getBytes(StandardCharsets.UTF_8), Variant.SPRITESHEET))
                .get()
                .asString()
                .contains("signature");
        assertThat(check(new byte[] {(byte) 0xFF}, Variant.THUMBNAIL)).isPresent();
        assertThat(check(webp(100), Variant.VIDEO)).get().asString().contains("ftyp");
    }

    @Test
    void crafted_mp4_box_sizes_are_reported_never_crash_or_loop() throws Exception {
        byte[] ftyp = box(16, "ftyp", 8);
        byte[] moov = box(16, "moov", 8);
        assertThat(check(boxes(ftyp, moov), Variant.VIDEO)).isEmpty();
        // Size 0: "to the end of the file".
        assertThat(check(boxes(ftyp, box(0, "moov", 40)), Variant.VIDEO)).isEmpty();
        // Size 1 with a 64-bit large size that fits.
        assertThat(check(boxes(ftyp, largeBox(24, "moov", 8)), Variant.VIDEO)).isEmpty();
        // Size 1 whose large size is cut off.
        assertThat(check(boxes(ftyp, Arrays.copyOf(largeBox(24, "moov", 0), 12)), Variant.VIDEO))
                .get()
                .asString()
                .contains("64-bit box size is cut off");
        // Huge, negative and overflowing 64-bit sizes.
        for (long size : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 10, -1, Long.MIN_VALUE, 15, 0}) {
            assertThat(check(boxes(ftyp, largeBox(size, "moov", 8)), Variant.VIDEO))
                    .as("largesize %d", size)
                    .get()
                    .asString()
                    .contains("claims");
        }
        // 32-bit sizes: below the header, above the file, the unsigned maximum.
        for (long size : new long[] {2, 7, 1000, 0xFFFF_FFFFL}) {
            assertThat(check(boxes(ftyp, box(size, "moov", 8)), Variant.VIDEO))
                    .as("size %d", size)
                    .isPresent();
        }
        // A header cut off after 5 bytes, and a file of 3 bytes.
        assertThat(check(boxes(ftyp, Arrays.copyOf(moov, 5)), Variant.VIDEO))
                .get()
                .asString()
                .contains("cut off");
        assertThat(check(new byte[] {0, 0, 0}, Variant.VIDEO)).isPresent();
        assertThat(check(new byte[0], Variant.VIDEO)).get().asString().contains("empty");
    }
}
