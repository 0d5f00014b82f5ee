package dev.sora4j.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a file is by its first bytes, never by its extension. */
public enum MediaKind {
    /** An MP4 video. */
    MP4("video/mp4"),
    /** A JPEG image. */
    JPEG("image/jpeg"),
    /** A PNG image. */
    PNG("image/png"),
    /** A WebP image. */
    WEBP("image/webp"),
    /** Anything else, or an unreadable file. */
    UNKNOWN("application/octet-stream");

    private final String mimeType;

    MediaKind(String mimeType) {
        this.mimeType = mimeType;
    }

    /**
     * The MIME type, e.g. {@code image/png}.
     *
     * @return the MIME type
     */
    public String mimeType() {
        return mimeType;
    }

    /**
     * Whether this is an image kind.
     *
     * @return true for JPEG, PNG and WebP
     */
    public boolean isImage() {
        return this == JPEG || this == PNG || this == WEBP;
    }

    /**
     * Reads the first 12 bytes; an unreadable file is {@link #UNKNOWN}.
     *
     * @param file the file to inspect
     * @return the kind its first bytes show
     */
    public static MediaKind of(Path file) {
        byte[] b = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(b, 0, b.length);
        } catch (IOException e) {
            return UNKNOWN;
        }
        return of(b, n);
    }

    static MediaKind of(byte[] b, int n) {
        if (n >= 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return MP4;
        }
        if (n >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (n >= 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return PNG;
        }
        if (n >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return WEBP;
        }
        return UNKNOWN;
    }
}
