package dev.sora4j.internal.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Walks the top-level boxes of an MP4 file: each box's size must fit the file exactly, the first
 * must be {@code ftyp} and a {@code moov} (the index a player needs) must be present. Catches
 * truncated files and bodies that are not video at all, without decoding anything.
 */
public final class Mp4Check {
    private Mp4Check() {}

    /** Why the file is not a whole MP4, or empty when it is. */
    public static Optional<String> problem(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            boolean first = true;
            boolean moov = false;
            ByteBuffer head = ByteBuffer.allocate(16);
            while (pos < size) {
                head.clear().limit(8);
                if (readFully(ch, head, pos) < 8) {
                    return Optional.of("a box header is cut off at byte " + pos);
                }
                long boxSize = Integer.toUnsignedLong(head.getInt(0));
                String type = new String(
                        new byte[] {head.get(4), head.get(5), head.get(6), head.get(7)}, StandardCharsets.ISO_8859_1);
                int headerLength = 8;
                if (boxSize == 1) {
                    head.clear().limit(8);
                    if (readFully(ch, head, pos + 8) < 8) {
                        return Optional.of("a 64-bit box size is cut off at byte " + pos);
                    }
                    boxSize = head.getLong(0);
                    headerLength = 16;
                } else if (boxSize == 0) {
                    boxSize = size - pos;
                }
                if (first && !type.equals("ftyp")) {
                    return Optional.of("it does not start with an ftyp box");
                }
                // Compared as "more than what is left": pos + boxSize could overflow for a crafted 64-bit size.
                if (boxSize < headerLength || boxSize > size - pos) {
                    return Optional.of("box '" + type + "' at byte " + pos + " claims " + boxSize
                            + " bytes but the file has " + (size - pos) + " left (truncated)");
                }
                moov |= type.equals("moov");
                first = false;
                pos += boxSize;
            }
            if (first) {
                return Optional.of("the file is empty");
            }
            return moov ? Optional.empty() : Optional.of("it has no moov box (no index)");
        }
    }

    private static int readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
