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
    /**
     * Test header with comma-separated fault directives: a status ({@code 503}), {@code reset},
     * {@code reset-after-headers}, {@code truncate}, {@code latency=MS} or {@code fail-job}.
     */
    public static final String FAULT_HEADER = "x-sora4j-fault";

    private final Javalin app;
    private final RenderQueue renders;
    private final VirtualClock clock;
    private final Stats stats;
    private final WebhookSender webhooks;
    private final Housekeeper housekeeper;

    private Emulator(
            Javalin app,
            RenderQueue renders,
            VirtualClock clock,
            Stats stats,
            WebhookSender webhooks,
            Housekeeper housekeeper) {
        this.app = app;
        this.renders = renders;
        this.clock = clock;
        this.stats = stats;
        this.webhooks = webhooks;
        this.housekeeper = housekeeper;
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. */
    public static Emulator start(EmulatorConfig given, int port) {
        VirtualClock clock = given.clock() instanceof VirtualClock v ? v : new VirtualClock(given.clock());
        EmulatorConfig config = given.withClock(clock);
        ObjectMapper json = new ObjectMapper();
        Stats stats = new Stats();
        VideoStore store = new VideoStore(config.stateDir(), json);
        CharacterStore characterStore = new CharacterStore(config.stateDir(), json);
        FileStore fileStore = new FileStore(config.stateDir(), json);
        BatchStore batchStore = new BatchStore(config.stateDir(), json);
        Timeline timeline = new Timeline(config.assetTtl());
        VideoJson presenter = new VideoJson(timeline, config.dialect());
        RenderQueue renders = new RenderQueue(store, new MediaRenderer(), clock, config.renderThreads());
        JobScheduler scheduler = new JobScheduler(config, store, renders, stats);
        RateLimiter limiter = new RateLimiter(config.rateLimits(), clock);
        VideoCreation creation = new VideoCreation(new EmulatorRules(config.profile()), characterStore, fileStore);
        WebhookSender webhooks = new WebhookSender(config.webhooks(), clock, json);
        BatchProcessor batches = new BatchProcessor(
                batchStore, fileStore, store, creation, scheduler, timeline, presenter, config, json, webhooks::send);
        VideoRoutes videos = new VideoRoutes(config, store, creation, renders, scheduler, limiter, presenter, json);
        DerivedVideoRoutes derived = new DerivedVideoRoutes(config, store, scheduler, limiter, presenter, json);
        CharacterRoutes characters = new CharacterRoutes(config, characterStore, json);
        FileRoutes files = new FileRoutes(config, fileStore, json);
        BatchRoutes batchRoutes = new BatchRoutes(config, batchStore, fileStore, batches, json);
        ControlRoutes control = new ControlRoutes(config, clock, stats, limiter, webhooks, json);
        FaultPlan faults = new FaultPlan(config.faults());
        ChaosInjector chaos = new ChaosInjector(config.chaos());
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
            cfg.routes.before("/v1/*", ctx -> stats.request(ctx.method().name(), ctx.path()));
            cfg.routes.before("/v1/*", Emulator::authenticate);
            cfg.routes.before("/v1/*", faults::apply);
            cfg.routes.before("/v1/*", chaos::before);
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
            cfg.routes.post("/v1/files", files::create);
            cfg.routes.get("/v1/files", files::list);
            cfg.routes.get("/v1/files/{id}", files::retrieve);
            cfg.routes.get("/v1/files/{id}/content", files::content);
            cfg.routes.delete("/v1/files/{id}", files::delete);
            cfg.routes.post("/v1/batches", batchRoutes::create);
            cfg.routes.get("/v1/batches", batchRoutes::list);
            cfg.routes.get("/v1/batches/{id}", batchRoutes::retrieve);
            cfg.routes.post("/v1/batches/{id}/cancel", batchRoutes::cancel);
            if (config.control()) {
                cfg.routes.get("/_emulator/clock", control::clock);
                cfg.routes.post("/_emulator/clock/advance", control::advance);
                cfg.routes.post("/_emulator/clock/speed", control::speed);
                cfg.routes.get("/_emulator/stats", control::stats);
                cfg.routes.post("/_emulator/reset", control::reset);
            }
            cfg.routes.exception(ApiError.class, (e, ctx) -> writeError(ctx, json, e));
            cfg.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> writeError(
                            ctx,
                            json,
                            new ApiError(e.getStatus(), "invalid_request_error", null, null, e.getMessage())));
            cfg.routes.exception(
                    Exception.class,
                    (e, ctx) -> writeError(
                            ctx, json, new ApiError(500, "server_error", null, null, "The emulator failed: " + e)));
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null
                        || ctx.result().isEmpty()
                        || !ctx.result().startsWith("{")) {
                    writeError(
                            ctx,
                            json,
                            new ApiError(
                                    404,
                                    "invalid_request_error",
                                    null,
                                    "unknown_url",
                                    "Unknown request URL: " + ctx.method() + " " + ctx.path() + "."));
                }
            });
        });
        app.start("127.0.0.1", port);
        Housekeeper housekeeper = new Housekeeper(store, renders, batches, webhooks, timeline, clock);
        housekeeper.start();
        return new Emulator(app, renders, clock, stats, webhooks, housekeeper);
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

    /**
     * Runs one round of background work now (advance batches, start batch renders, send webhooks),
     * so a test with a manual clock need not wait for the next real-time tick.
     */
    public void tick() {
        housekeeper.run();
    }

    /** The emulator's clock; {@link VirtualClock#advance} moves every job, batch and expiry forward. */
    public VirtualClock clock() {
        return clock;
    }

    /** Jobs created by this emulator process (creates, edits, extensions, remixes and batch lines). */
    public long jobsCreated() {
        return stats.jobsCreated();
    }

    /** Requests per route and created jobs per prompt sha256, as {@code GET /_emulator/stats} shows them. */
    public Map<String, Object> stats() {
        return stats.snapshot();
    }

    /** The secret webhooks are signed with ({@code whsec_...}); random unless configured. */
    public String webhookSecret() {
        return webhooks.secret();
    }

    @Override
    public void close() {
        housekeeper.close();
        app.stop();
        renders.close();
        webhooks.close();
    }

    private static void authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        String apiKey = ctx.header("api-key");
        boolean bearer =
                auth != null && auth.startsWith("Bearer ") && !auth.substring(7).isBlank();
        boolean azure = apiKey != null && !apiKey.isBlank();
        if (!bearer && !azure) {
            throw new ApiError(
                    401,
                    "invalid_request_error",
                    null,
                    "missing_api_key",
                    "You didn't provide an API key. You need to provide your API key in an Authorization header "
                            + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
        }
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
