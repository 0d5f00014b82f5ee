package dev.sora4j.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A local emulator of the OpenAI Videos API ({@code /v1/videos*}: jobs, edits, extensions, remixes and
 * characters). It validates requests like the
 * real service, runs jobs through {@code queued → in_progress → completed} on its clock, renders real
 * media with FFmpeg and answers errors in OpenAI's envelope.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.start(EmulatorConfig.defaults(stateDir), 0)) {
 *     String baseUrl = emulator.baseUrl(); // http://127.0.0.1:<port>/v1
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
    /** Test header: answer this request with the given error status (e.g. {@code 503}) instead. */
    public static final String FAULT_HEADER = "x-sora4j-fault";

    private final Javalin app;
    private final RenderQueue renders;

    private Emulator(Javalin app, RenderQueue renders) {
        this.app = app;
        this.renders = renders;
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. */
    public static Emulator start(EmulatorConfig config, int port) {
        ObjectMapper json = new ObjectMapper();
        VideoStore store = new VideoStore(config.stateDir(), json);
        CharacterStore characterStore = new CharacterStore(config.stateDir(), json);
        RenderQueue renders = new RenderQueue(store, new MediaRenderer(), config.clock(), config.renderThreads());
        JobScheduler scheduler = new JobScheduler(config, store, renders);
        VideoRoutes videos = new VideoRoutes(config, store, characterStore, renders, scheduler, json);
        DerivedVideoRoutes derived = new DerivedVideoRoutes(config, store, scheduler, json);
        CharacterRoutes characters = new CharacterRoutes(config, characterStore, json);
        FaultPlan faults = new FaultPlan(config.faults());
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 620L << 20;
            // The Java SDK sends byte[] uploads as parts without a filename, which Jetty counts as form
            // fields (200 KB by default); a video upload must fit.
            cfg.jetty.modifyServletContextHandler(h -> h.setMaxFormContentSize(620 << 20));
            cfg.routes.before(ctx -> {
                ctx.header("x-request-id", Ids.request());
                ctx.header("openai-version", "2020-10-01");
            });
            cfg.routes.before("/v1/*", Emulator::authenticate);
            cfg.routes.before("/v1/*", Emulator::injectFault);
            cfg.routes.before("/v1/*", faults::apply);
            cfg.routes.post("/v1/videos", videos::create);
            cfg.routes.post("/v1/videos/edits", derived::edit);
            cfg.routes.post("/v1/videos/extensions", derived::extend);
            cfg.routes.post("/v1/videos/characters", characters::create);
            cfg.routes.get("/v1/videos/characters/{id}", characters::retrieve);
            cfg.routes.post("/v1/videos/{id}/remix", derived::remix);
            cfg.routes.get("/v1/videos", videos::list);
            cfg.routes.get("/v1/videos/{id}", videos::retrieve);
            cfg.routes.delete("/v1/videos/{id}", videos::delete);
            cfg.routes.get("/v1/videos/{id}/content", videos::content);
            cfg.routes.exception(ApiError.class, (e, ctx) -> writeError(ctx, json, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> writeError(ctx, json,
                    new ApiError(e.getStatus(), "invalid_request_error", null, null, e.getMessage())));
            cfg.routes.exception(Exception.class, (e, ctx) -> writeError(ctx, json,
                    new ApiError(500, "server_error", null, null, "The emulator failed: " + e)));
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
                    writeError(ctx, json, new ApiError(404, "invalid_request_error", null, "unknown_url",
                            "Unknown request URL: " + ctx.method() + " " + ctx.path() + "."));
                }
            });
        });
        app.start("127.0.0.1", port);
        return new Emulator(app, renders);
    }

    public int port() {
        return app.port();
    }

    /** The base URL clients use, including {@code /v1} (as {@code OPENAI_BASE_URL} expects). */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Waits until every render started by this process has finished; returns false on timeout. */
    public boolean awaitRenders(Duration timeout) {
        return renders.awaitIdle(timeout);
    }

    /** Renders still running in this process. */
    public int pendingRenders() {
        return renders.pending();
    }

    @Override
    public void close() {
        app.stop();
        renders.close();
    }

    private static void authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        String apiKey = ctx.header("api-key");
        boolean bearer = auth != null && auth.startsWith("Bearer ") && !auth.substring(7).isBlank();
        boolean azure = apiKey != null && !apiKey.isBlank();
        if (!bearer && !azure) {
            throw new ApiError(401, "invalid_request_error", null, "missing_api_key",
                    "You didn't provide an API key. You need to provide your API key in an Authorization header "
                            + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }
    }

    private static void injectFault(Context ctx) {
        String fault = ctx.header(FAULT_HEADER);
        if (fault == null) {
            return;
        }
        int status;
        try {
            status = Integer.parseInt(fault.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidRequest(null, "Header " + FAULT_HEADER + " must be an HTTP status code, got '" + fault + "'.");
        }
        throw FaultPlan.fault(ctx, status, 1);
    }

    private static void writeError(Context ctx, ObjectMapper json, ApiError e) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", e.getMessage());
        inner.put("type", e.type());
        inner.put("param", e.param());
        inner.put("code", e.code());
        try {
            ctx.status(e.status());
            ctx.contentType("application/json");
            ctx.result(json.writeValueAsString(Map.of("error", inner)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
