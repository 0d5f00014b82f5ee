package dev.sora4j.emulator.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes that can be read (again) as a stream: an upload spooled to disk, a stored file, or a small
 * array. Large content never has to be held in memory whole.
 */
@FunctionalInterface
public interface Content {
    /** A new stream over the whole content; the caller closes it. */
    InputStream open() throws IOException;

    static Content of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    static Content of(Path file) {
        return () -> Files.newInputStream(file);
    }

    /** The first {@code n} bytes (fewer if the content is shorter). */
    default byte[] head(int n) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(n);
        }
    }
}
