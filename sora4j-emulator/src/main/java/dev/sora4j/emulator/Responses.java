package dev.sora4j.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes JSON bodies the way the service does. */
final class Responses {
    private Responses() {}

    static void json(Context ctx, ObjectMapper json, Object body) {
        try {
            ctx.contentType("application/json");
            ctx.result(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
