package dev.sora4j.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes bodies the way the service does, or cuts them short when a fault says so. */
public final class Responses {
    private Responses() {}

    public static void json(Context ctx, ObjectMapper json, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (FaultFlags.isSet(ctx, FaultFlags.RESET_AFTER_HEADERS)) {
            cutShort(ctx, new java.io.ByteArrayInputStream(bytes), "application/json", bytes.length, 0);
            return;
        }
        ctx.contentType("application/json");
        ctx.result(bytes);
    }

    /**
     * Sends the status line and headers (with the full {@code Content-Length}), then {@code send}
     * bytes of the body, then closes the connection: the client sees a reset or a truncated body.
     */
    public static void cutShort(Context ctx, InputStream body, String contentType, long length, long send) {
        try (InputStream in = body) {
            ctx.res().setContentType(contentType);
            ctx.res().setContentLengthLong(length);
            OutputStream out = ctx.res().getOutputStream();
            byte[] buf = new byte[8192];
            long left = send;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
            out.flush();
            ctx.res().flushBuffer();
        } catch (IOException e) {
            // The client may already be gone; the connection is closed below either way.
        }
        ConnectionKiller.kill(ctx);
        ctx.skipRemainingHandlers();
    }
}
