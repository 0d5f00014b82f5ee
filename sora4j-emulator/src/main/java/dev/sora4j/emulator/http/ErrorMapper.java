package dev.sora4j.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into OpenAI's error envelope {@code {"error":{"message","type","param","code"}}}. */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final ObjectMapper json;

    public ErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    /** Registers the exception and 404 handlers. */
    public void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> write(ctx, e));
        routes.exception(
                HttpResponseException.class,
                (e, ctx) ->
                        write(ctx, new ApiError(e.getStatus(), "invalid_request_error", null, null, e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            // Exception text can hold absolute paths and internals: it goes to the log, not the client.
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(
                    ctx,
                    new ApiError(
                            500,
                            "server_error",
                            null,
                            null,
                            "The emulator failed to handle this request (request id "
                                    + ctx.res().getHeader("x-request-id")
                                    + "); run it with --verbose to see why."));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
                write(
                        ctx,
                        new ApiError(
                                404,
                                "invalid_request_error",
                                null,
                                "unknown_url",
                                "Unknown request URL: " + ctx.method() + " " + ctx.path() + "."));
            }
        });
    }

    /** Writes {@code e} as the response. */
    public void write(Context ctx, ApiError e) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", e.getMessage());
        inner.put("type", e.type());
        inner.put("param", e.param());
        inner.put("code", e.code());
        try {
            ctx.status(e.status());
            ctx.contentType("application/json");
            ctx.result(json.writeValueAsString(Map.of("error", inner)));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
