package dev.sora4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one SHA-256 helper: of text (request hashes), of a file, of an open channel (downloads). Hex, lower case. */
public final class Sha256 {
    private static final int BUFFER = 64 * 1024;

    private Sha256() {}

    /**
     * Hashes UTF-8 text.
     *
     * @param text the text
     * @return hex sha256
     */
    public static String of(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Hashes a file.
     *
     * @param file the file
     * @return hex sha256
     * @throws IOException when it cannot be read
     */
    public static String of(Path file) throws IOException {
        MessageDigest sha = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Hashes a channel's whole content from position 0, without moving its position.
     *
     * @param channel the channel
     * @return hex sha256
     * @throws IOException when it cannot be read
     */
    public static String of(FileChannel channel) throws IOException {
        MessageDigest sha = digest();
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        long pos = 0;
        int n;
        while ((n = channel.read(buf.clear(), pos)) > 0) {
            sha.update(buf.flip());
            pos += n;
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
