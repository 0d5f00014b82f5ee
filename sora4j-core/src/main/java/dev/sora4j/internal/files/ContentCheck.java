package dev.sora4j.internal.files;

import dev.sora4j.model.Variant;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Checks a downloaded file by its content before it is put in place: a video must be a whole MP4
 * ({@link Mp4Check}); a thumbnail or spritesheet a whole image. The API serves WebP thumbnails and JPEG
 * spritesheets; gateways may serve either kind (or PNG) for either variant, so each image variant
 * accepts any of the three, as long as it is complete: a WebP's RIFF length must match the file, a
 * JPEG must end with its EOI marker, a PNG with its IEND chunk. An error page or a cut-off body fails.
 */
public final class ContentCheck {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_END = {'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private ContentCheck() {}

    /** What a file of this variant must be, for messages. */
    public static String expected(Variant variant) {
        return variant == Variant.VIDEO ? "a whole MP4" : "a whole WebP, JPEG or PNG image";
    }

    /** Why the file is not a whole file of the variant's kind, or empty when it is. */
    public static Optional<String> problem(Path file, Variant variant) throws IOException {
        if (variant == Variant.VIDEO) {
            return Mp4Check.problem(file);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] head = read(ch, 0, (int) Math.min(16, size));
            if (size == 0) {
                return Optional.of("the file is empty");
            }
            if (startsWith(head, 0, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                if (head.length < 12
                        || !startsWith(head, 8, "WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    return Optional.of("a RIFF file that is not WebP");
                }
                long riff = Integer.toUnsignedLong(ByteBuffer.wrap(head, 4, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getInt());
                if (riff + 8 != size) {
                    return Optional.of("WebP declares " + (riff + 8) + " bytes but the file has " + size
                            + (riff + 8 > size ? " (truncated)" : ""));
                }
                return Optional.empty();
            }
            if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
                byte[] tail = read(ch, Math.max(0, size - 2), 2);
                if (size < 4 || (tail[0] & 0xFF) != 0xFF || (tail[1] & 0xFF) != 0xD9) {
                    return Optional.of("JPEG without its end marker (truncated)");
                }
                return Optional.empty();
            }
            if (startsWith(head, 0, PNG_SIGNATURE)) {
                byte[] tail = read(ch, Math.max(0, size - PNG_END.length), PNG_END.length);
                if (size < PNG_SIGNATURE.length + PNG_END.length || !startsWith(tail, 0, PNG_END)) {
                    return Optional.of("PNG without its IEND chunk (truncated)");
                }
                return Optional.empty();
            }
            return Optional.of("it starts with neither a WebP, JPEG nor PNG signature");
        }
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, at + buf.position()) < 0) {
                break;
            }
        }
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        return out;
    }
}
