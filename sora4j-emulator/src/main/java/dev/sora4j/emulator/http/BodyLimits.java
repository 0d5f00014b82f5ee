package dev.sora4j.emulator.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Refuses bodies that are too large before reading them: the declared {@code Content-Length} is
 * checked first (a 2 GB declaration gets its 413 at once), and a body without one is cut off while
 * it is read.
 */
public final class BodyLimits {
    private final long maxJsonBytes;
    private final long maxMultipartBytes;

    /**
     * @param maxJsonBytes the most a JSON (or any non-multipart) body may hold
     * @param maxMultipartBytes the most a multipart upload may hold, all parts together
     */
    public BodyLimits(long maxJsonBytes, long maxMultipartBytes) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxMultipartBytes = maxMultipartBytes;
    }

    public long maxJsonBytes() {
        return maxJsonBytes;
    }

    public long maxMultipartBytes() {
        return maxMultipartBytes;
    }

    /** A before-handler: 413 when the declared length is over the limit for its content type. */
    public void check(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        long limit = isMultipart(ctx) ? maxMultipartBytes : maxJsonBytes;
        if (declared > limit) {
            throw tooLarge(declared, limit);
        }
    }

    /** Reads a non-multipart body, refusing it once it passes the limit. */
    public byte[] readJson(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxJsonBytes + 1));
            if (body.length > maxJsonBytes) {
                throw tooLarge(-1, maxJsonBytes);
            }
            return body;
        } catch (IOException e) {
            throw ApiError.invalidRequest(null, "The request body could not be read completely.");
        }
    }

    static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The 413 naming the limit. */
    public static ApiError tooLarge(long declared, long limit) {
        return new ApiError(
                413,
                "invalid_request_error",
                null,
                "request_too_large",
                "The request body" + (declared >= 0 ? " (" + declared + " bytes)" : "") + " is larger than the " + limit
                        + " bytes this endpoint accepts.");
    }
}
