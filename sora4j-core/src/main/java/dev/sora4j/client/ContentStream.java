package dev.sora4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * An open download. {@code declaredLength} is the server's Content-Length, when it sent one, so
 * a truncated body can be detected.
 */
public final class ContentStream implements AutoCloseable {
    private final InputStream body;
    private final OptionalLong declaredLength;
    private final AutoCloseable owner;

    public ContentStream(InputStream body, OptionalLong declaredLength, AutoCloseable owner) {
        this.body = body;
        this.declaredLength = declaredLength;
        this.owner = owner;
    }

    public InputStream body() {
        return body;
    }

    public OptionalLong declaredLength() {
        return declaredLength;
    }

    @Override
    public void close() throws IOException {
        try {
            owner.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
