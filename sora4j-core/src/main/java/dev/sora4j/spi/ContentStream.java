package dev.sora4j.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * An open download. The body starts at byte {@code offset} of the asset (0, or where a resumed
 * download asked to continue when the server honoured the range); {@code totalLength} is the whole
 * asset's size when the server said it, so a truncated body can be detected.
 */
public final class ContentStream implements AutoCloseable {
    private final InputStream body;
    private final long offset;
    private final OptionalLong totalLength;
    private final AutoCloseable owner;

    /**
     * An open body.
     *
     * @param body the body
     * @param offset the asset byte the body starts at
     * @param totalLength the whole asset's size, when the server said it
     * @param owner closed with the stream
     */
    public ContentStream(InputStream body, long offset, OptionalLong totalLength, AutoCloseable owner) {
        this.body = body;
        this.offset = offset;
        this.totalLength = totalLength;
        this.owner = owner;
    }

    /**
     * The body, positioned at {@link #offset()}.
     *
     * @return the body
     */
    public InputStream body() {
        return body;
    }

    /**
     * The asset byte the body starts at.
     *
     * @return the asset byte the body starts at
     */
    public long offset() {
        return offset;
    }

    /**
     * The whole asset's size, when the server said it.
     *
     * @return the whole asset's size, when the server said it
     */
    public OptionalLong totalLength() {
        return totalLength;
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
