package dev.sora4j.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.api.BatchRoutes;
import dev.sora4j.emulator.api.CharacterRoutes;
import dev.sora4j.emulator.api.ControlRoutes;
import dev.sora4j.emulator.api.DerivedVideoRoutes;
import dev.sora4j.emulator.api.FileRoutes;
import dev.sora4j.emulator.api.RouteGroup;
import dev.sora4j.emulator.api.VideoRoutes;
import dev.sora4j.emulator.batch.BatchProcessor;
import dev.sora4j.emulator.clock.VirtualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.emulator.dialect.Jobs;
import dev.sora4j.emulator.dialect.ProviderServer;
import dev.sora4j.emulator.faults.ChaosInjector;
import dev.sora4j.emulator.faults.FaultPlan;
import dev.sora4j.emulator.faults.RateLimiter;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.ApiKeyAuth;
import dev.sora4j.emulator.http.BodyLimits;
import dev.sora4j.emulator.http.ErrorMapper;
import dev.sora4j.emulator.jobs.EmulatorRules;
import dev.sora4j.emulator.jobs.JobScheduler;
import dev.sora4j.emulator.jobs.Stats;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.jobs.VideoCreation;
import dev.sora4j.emulator.jobs.VideoJson;
import dev.sora4j.emulator.render.FastRenderer;
import dev.sora4j.emulator.render.FfmpegRenderer;
import dev.sora4j.emulator.render.RenderQueue;
import dev.sora4j.emulator.render.Renderer;
import dev.sora4j.emulator.screening.PeopleScreen;
import dev.sora4j.emulator.store.BatchStore;
import dev.sora4j.emulator.store.CharacterStore;
import dev.sora4j.emulator.store.FileStore;
import dev.sora4j.emulator.store.Ids;
import dev.sora4j.emulator.store.VideoStore;
import dev.sora4j.emulator.webhooks.WebhookSender;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

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
     * {@code reset-after-headers}, {@code truncate}, {@code latency=MS}, {@code fail-job} or
     * {@code lose-answer} (carried out, then answered 502).
     */
    public static final String FAULT_HEADER = ChaosInjector.FAULT_HEADER;

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final Javalin app;
    private final RenderQueue renders;
    private final VirtualClock clock;
    private final Stats stats;
    private final WebhookSender webhooks;
    private final Housekeeper housekeeper;
    private final String controlToken;
    private final String apiPath;

    private Emulator(
            Javalin app,
            RenderQueue renders,
            VirtualClock clock,
            Stats stats,
            WebhookSender webhooks,
            Housekeeper housekeeper,
            String controlToken,
            String apiPath) {
        this.app = app;
        this.apiPath = apiPath;
        this.renders = renders;
        this.clock = clock;
        this.stats = stats;
        this.webhooks = webhooks;
        this.housekeeper = housekeeper;
        this.controlToken = controlToken;
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
        Timeline timeline = new Timeline(config.timeline().assetTtl());
        VideoJson presenter = new VideoJson(timeline, config.dialect());
        RenderQueue renders = new RenderQueue(
                store, renderer(config.render()), clock, config.render().threads());
        JobScheduler scheduler = new JobScheduler(config, store, renders, stats);
        RateLimiter limiter = new RateLimiter(config.limits().rateLimits(), clock);
        // One screen per emulator: OpenCV loads on the first image or clip, not at start.
        PeopleScreen people = new PeopleScreen();
        VideoCreation creation =
                new VideoCreation(new EmulatorRules(config.limits().profile()), characterStore, fileStore, people);
        WebhookSender webhooks = new WebhookSender(config.webhooks(), clock, json);
        BatchProcessor batches = new BatchProcessor(
                batchStore, fileStore, store, creation, scheduler, timeline, presenter, config, json, webhooks::send);
        List<RouteGroup> groups = new ArrayList<>(List.of(
                new VideoRoutes(config, store, creation, renders, scheduler, limiter, presenter, json),
                new DerivedVideoRoutes(config, store, scheduler, limiter, presenter, json),
                new CharacterRoutes(config, characterStore, json, people),
                new FileRoutes(config, fileStore, json),
                new BatchRoutes(config, batchStore, fileStore, batches, json)));
        BodyLimits bodyLimits =
                new BodyLimits(config.limits().maxJsonBytes(), config.limits().maxUploadBytes());
        String controlToken =
                config.control().token() != null ? config.control().token() : "ctl_" + Ids.hex(24);
        // A provider dialect serves that provider's routes, credential check and errors instead of OpenAI's.
        Optional<ProviderServer> provider = ProviderServer.forConfig(
                config, new Jobs(config, store, creation, renders, scheduler, limiter, presenter, json, bodyLimits));
        String api = provider.map(ProviderServer::basePath).orElse("/v1");
        if (provider.isPresent()) {
            groups.clear();
            groups.addAll(provider.get().groups());
        }
        if (config.control().enabled()) {
            groups.add(new ControlRoutes(controlToken, config, clock, stats, limiter, webhooks, json));
        }
        FaultPlan faults = new FaultPlan(config.faults().rules());
        ChaosInjector chaos = new ChaosInjector(config.faults().chaos());
        ErrorMapper errors = new ErrorMapper(json);
        createSpoolDir(config);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.limits().maxUploadBytes();
            // The Java SDK sends byte[] uploads as parts without a filename, which Jetty counts as form
            // fields (200 KB by default); a video upload must fit.
            cfg.jetty.modifyServletContextHandler(h -> h.setMaxFormContentSize(
                    (int) Math.min(Integer.MAX_VALUE, config.limits().maxUploadBytes())));
            cfg.routes.before(ctx -> {
                ctx.header("x-request-id", Ids.request());
                ctx.header("openai-version", "2020-10-01");
            });
            cfg.routes.before(api + "/*", ctx -> stats.request(ctx.method().name(), ctx.path()));
            // Before the stats: they count the status the client heard.
            BiConsumer<Context, ApiError> writeError =
                    provider.isPresent() ? provider.get()::writeError : errors::write;
            cfg.routes.after(api + "/*", ctx -> chaos.after(ctx, writeError));
            cfg.routes.after(api + "/*", ctx -> stats.response(ctx.statusCode()));
            if (provider.isPresent()) {
                provider.get().install(cfg);
            } else {
                cfg.routes.before("/v1/*", ApiKeyAuth::check);
            }
            cfg.routes.before(bodyLimits::check);
            cfg.routes.before(api + "/*", faults::apply);
            cfg.routes.before(api + "/*", chaos::before);
            groups.forEach(g -> g.register(cfg.routes));
            if (provider.isPresent()) {
                provider.get().registerErrors(cfg.routes);
            } else {
                errors.register(cfg.routes);
            }
        });
        app.start("127.0.0.1", port);
        // Jetty's 30 s default cuts a large upload whose client stalls while a busy disk catches up.
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector server) {
                server.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            }
        }
        Housekeeper housekeeper = new Housekeeper(store, fileStore, renders, batches, webhooks, timeline, clock);
        housekeeper.start();
        return new Emulator(app, renders, clock, stats, webhooks, housekeeper, controlToken, api);
    }

    /** Multipart uploads are spooled here; leftovers of a killed process are removed at start. */
    private static void createSpoolDir(EmulatorConfig config) {
        Path spool = config.stateDir().resolve("tmp");
        try {
            Files.createDirectories(spool);
            // Another live process may be spooling into the same directory: only old files are orphans.
            long cutoff = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
            try (Stream<Path> leftovers = Files.list(spool)) {
                for (Path p : leftovers.toList()) {
                    if (Files.getLastModifiedTime(p).toMillis() < cutoff) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + spool, e);
        }
    }

    private static Renderer renderer(RenderConfig render) {
        return render.mode() == RenderMode.FAST
                ? new FastRenderer(render.cacheDir(), FfmpegRenderer.stillFrames())
                : new FfmpegRenderer();
    }

    public int port() {
        return app.port();
    }

    /**
     * The base URL clients use, including {@code /v1} (as {@code OPENAI_BASE_URL} expects), or the
     * dialect's prefix ({@code /openai/v1} for Azure, {@code /api/v1} for OpenRouter).
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + apiPath;
    }

    /** Waits until every render started by this process has finished; returns false on timeout. */
    public boolean awaitRenders(Duration timeout) {
        return renders.awaitIdle(timeout);
    }

    /**
     * Real time (not the emulator's clock) since the last API request, or since start: a background
     * emulator stops when this passes its idle timeout and no render is pending.
     */
    public Duration sinceLastRequest() {
        return stats.sinceLastRequest();
    }

    /** Renders still running in this process. */
    public int pendingRenders() {
        return renders.pending();
    }

    /**
     * Runs one round of background work now (advance batches, start batch renders, send webhooks,
     * delete expired media and files), so a test with a manual clock need not wait for the next
     * real-time tick.
     */
    public void tick() {
        housekeeper.runWithSweep();
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
        Map<String, Object> out = new LinkedHashMap<>(stats.snapshot());
        out.put("webhooks", webhooks.stats());
        return out;
    }

    /** The secret webhooks are signed with ({@code whsec_...}); random unless configured. */
    public String webhookSecret() {
        return webhooks.secret();
    }

    /**
     * The token the {@code /_emulator} control routes require (when enabled), as
     * {@code Authorization: Bearer TOKEN}; random unless configured.
     */
    public String controlToken() {
        return controlToken;
    }

    @Override
    public void close() {
        housekeeper.close();
        app.stop();
        renders.close();
        webhooks.close();
    }
}
