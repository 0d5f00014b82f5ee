package dev.sora4j.cli.gallery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.model.Variant;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The gallery's HTTP server: the page, a JSON view of the ledger, the ledger's media files (with
 * byte ranges, so videos seek) and the actions. {@link AccessGuard} judges every request first.
 */
public final class GalleryServer implements AutoCloseable {
    /** The page shows at most this many ledger entries, newest first. */
    public static final int MAX_JOBS = 1000;

    static final int MAX_PROMPT_CHARS = 32_000;
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,17}");
    private static final String ACTIONS = "/api/actions/";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " media-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Javalin app;
    private final String host;
    private final AccessToken token;
    private final StatusRefresher refresher;

    private GalleryServer(Javalin app, String host, AccessToken token, StatusRefresher refresher) {
        this.app = app;
        this.host = host;
        this.token = token;
        this.refresher = refresher;
    }

    /**
     * Starts the gallery.
     *
     * @param host the address to bind (loopback unless the user asked otherwise)
     * @param port the port, 0 for any free one
     * @param token the token every request must carry
     * @param backend the ledger, client and actions
     * @param clock the clock (retry of failed thumbnail fetches)
     * @param refreshEvery how often running jobs are asked about
     * @return the running server
     */
    public static GalleryServer start(
            String host, int port, AccessToken token, GalleryBackend backend, Clock clock, Duration refreshEvery) {
        boolean loopback = isLoopback(host);
        // Records go out in snake_case like the rest of sora's JSON (map keys are written as given).
        ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        JobViews views = new JobViews(json);
        MediaFiles media = new MediaFiles(backend, clock);
        WebAssets assets = WebAssets.load();
        StatusRefresher refresher = StatusRefresher.start(backend, refreshEvery);
        // The rules need the port, known only once the server is bound: until then every request is refused.
        AtomicReference<AccessGuard> guard = new AtomicReference<>();
        Handlers h = new Handlers(backend, views, media, assets, refresher, json, ConcurrentHashMap.newKeySet());
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(ctx -> admit(ctx, guard.get()));
            cfg.routes.get("/", h::page);
            cfg.routes.get("/assets/{name}", h::asset);
            cfg.routes.get("/api/jobs", h::jobs);
            cfg.routes.get("/media/{seq}/{variant}", h::media);
            cfg.routes.post(ACTIONS + "preview", ctx -> h.action(ctx, false));
            cfg.routes.post(ACTIONS + "run", ctx -> h.action(ctx, true));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> plain(ctx, e.getStatus(), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> plain(ctx, 500, "The gallery failed: " + e.getMessage()));
        });
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            refresher.close();
            throw e;
        }
        guard.set(new AccessGuard(token, app.port(), loopback));
        return new GalleryServer(app, host, token, refresher);
    }

    /**
     * The port it listens on.
     *
     * @return the port
     */
    public int port() {
        return app.port();
    }

    /**
     * The address to open, token included (print it; it is the key to the gallery).
     *
     * @return e.g. {@code http://127.0.0.1:8788/?token=...}
     */
    public String url() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port() + "/?"
                + AccessGuard.TOKEN_PARAM + "=" + token.value();
    }

    @Override
    public void close() {
        refresher.close();
        app.stop();
    }

    private static void admit(Context ctx, AccessGuard rules) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CSP);
        if (rules == null) {
            throw new HttpResponseException(503, "The gallery is starting; try again.", Map.of());
        }
        AccessGuard.Verdict verdict = rules.check(
                new AccessGuard.Facts(
                        ctx.method().name(),
                        ctx.queryParam(AccessGuard.TOKEN_PARAM),
                        ctx.header(AccessGuard.TOKEN_HEADER),
                        ctx.cookie(rules.cookieName()),
                        ctx.header("Host"),
                        ctx.header("Origin"),
                        ctx.header("Sec-Fetch-Site")),
                ctx.path().startsWith(ACTIONS));
        switch (verdict) {
            case ALLOW -> {}
            case ALLOW_SET_COOKIE -> ctx.header("Set-Cookie", rules.setCookie());
            case NO_TOKEN ->
                throw refuse(
                        verdict,
                        "This gallery needs its token: open the URL `sora gallery` printed (it ends in ?token=...).");
            case WRONG_HOST ->
                throw refuse(
                        verdict,
                        "Host '" + ctx.header("Host") + "' refused: open the gallery as 127.0.0.1 or localhost.");
            case CROSS_ORIGIN ->
                throw refuse(
                        verdict,
                        "Cross-origin request refused: actions are accepted only from the gallery page itself.");
            case WRONG_METHOD -> throw refuse(verdict, "Actions change things: send them with POST.");
        }
    }

    private static HttpResponseException refuse(AccessGuard.Verdict verdict, String message) {
        return new HttpResponseException(verdict.status(), message, Map.of());
    }

    private static void plain(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message + "\n");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--host " + host + " is not an address of this machine", e);
        }
    }

    /** The route handlers, apart from the server's life cycle. */
    private record Handlers(
            GalleryBackend backend,
            JobViews views,
            MediaFiles media,
            WebAssets assets,
            StatusRefresher refresher,
            ObjectMapper json,
            Set<String> deleted) {

        void page(Context ctx) {
            WebAssets.Asset a = assets.get("index.html").orElseThrow();
            ctx.header("Cache-Control", "no-store").contentType(a.contentType()).result(a.bytes());
        }

        void asset(Context ctx) {
            WebAssets.Asset a = assets.get(ctx.pathParam("name"))
                    .filter(x -> !ctx.pathParam("name").equals("index.html"))
                    .orElseThrow(() -> notFound("No such page asset."));
            ctx.header("Cache-Control", "no-cache").contentType(a.contentType()).result(a.bytes());
        }

        void jobs(Context ctx) {
            List<LedgerEntry> entries = backend.jobs(MAX_JOBS);
            Set<Long> downloaded = entries.stream()
                    .filter(e -> MediaFiles.video(e).isPresent())
                    .map(LedgerEntry::seq)
                    .collect(Collectors.toSet());
            Map<String, Object> page = views.page(entries, downloaded, deleted, refresher::lastError);
            sendJson(ctx, 200, page);
        }

        void media(Context ctx) throws IOException {
            String seq = ctx.pathParam("seq");
            Variant variant = Variant.fromWireName(ctx.pathParam("variant"))
                    .orElseThrow(() -> notFound("No such media: use video, thumbnail or spritesheet."));
            LedgerEntry e = (DIGITS.matcher(seq).matches()
                            ? backend.job(Long.parseLong(seq))
                            : Optional.<LedgerEntry>empty())
                    .orElseThrow(() -> notFound("No such job in the ledger."));
            Optional<Path> file = variant == Variant.VIDEO ? MediaFiles.video(e) : media.asset(e, variant);
            if (file.isEmpty()) {
                throw notFound(
                        variant == Variant.VIDEO
                                ? "Job #" + e.seq() + " has no downloaded video file; download it first."
                                : "Job #" + e.seq() + " has no " + variant.wireName()
                                        + " (not completed, or expired).");
            }
            send(ctx, file.get(), MediaFiles.contentType(variant));
        }

        void action(Context ctx, boolean run) {
            String type = ctx.header("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new HttpResponseException(415, "Send the action as application/json.", Map.of());
            }
            ActionRequest request = parse(ctx.body());
            if (run) {
                ActionResult result = backend.run(request);
                if (result.error() == null && request.action() == GalleryAction.DELETE) {
                    backend.job(request.seq()).map(LedgerEntry::videoId).ifPresent(id -> {
                        media.evict(id);
                        deleted.add(id); // the ledger has no deleted state: the page marks it while it runs
                    });
                }
                sendJson(ctx, 200, result);
            } else {
                sendJson(ctx, 200, backend.preview(request));
            }
        }

        private ActionRequest parse(String body) {
            JsonNode n;
            try {
                n = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw badRequest("The action is not JSON: " + e.getOriginalMessage());
            }
            if (n == null || !n.isObject()) {
                throw badRequest("The action must be a JSON object with action and seq.");
            }
            GalleryAction action = GalleryAction.of(n.path("action").asText(""))
                    .orElseThrow(() ->
                            badRequest("Unknown action '" + n.path("action").asText("")
                                    + "'; use download, redownload, edit, extend, remix or delete."));
            if (!n.path("seq").canConvertToLong() || n.path("seq").asLong() < 1) {
                throw badRequest("seq must be a ledger job number (as `sora jobs` shows it).");
            }
            String prompt = n.path("prompt").isTextual() ? n.path("prompt").asText() : null;
            if (prompt != null && prompt.length() > MAX_PROMPT_CHARS) {
                throw badRequest("The prompt is " + prompt.length() + " characters; at most " + MAX_PROMPT_CHARS
                        + " are accepted.");
            }
            String seconds = n.path("seconds").isValueNode() ? n.path("seconds").asText() : null;
            return new ActionRequest(action, n.path("seq").asLong(), prompt, seconds);
        }

        private void sendJson(Context ctx, int status, Object value) {
            try {
                ctx.status(status)
                        .header("Cache-Control", "no-store")
                        .contentType("application/json")
                        .result(json.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void send(Context ctx, Path file, String contentType) throws IOException {
            long size = Files.size(file);
            ctx.disableCompression();
            ctx.header("Accept-Ranges", "bytes");
            ctx.header("Cache-Control", "private, max-age=60");
            ctx.contentType(contentType);
            ByteRange.Ask ask = ByteRange.parse(ctx.header("Range"), size);
            if (ask instanceof ByteRange.Part p) {
                ByteRange r = p.range();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(r.from());
                ctx.status(206);
                ctx.header("Content-Range", r.contentRange());
                ctx.header("Content-Length", Long.toString(r.length()));
                ctx.result(new Slice(Channels.newInputStream(channel), r.length()));
            } else if (ask instanceof ByteRange.Unsatisfiable) {
                ctx.header("Content-Range", "bytes */" + size);
                throw new HttpResponseException(416, "The range is outside the file's " + size + " bytes.", Map.of());
            } else {
                ctx.header("Content-Length", Long.toString(size));
                ctx.result(Files.newInputStream(file));
            }
        }

        private static HttpResponseException notFound(String message) {
            return new HttpResponseException(404, message, Map.of());
        }

        private static HttpResponseException badRequest(String message) {
            return new HttpResponseException(400, message, Map.of());
        }
    }

    /** The first {@code left} bytes of a stream. */
    private static final class Slice extends FilterInputStream {
        private long left;

        Slice(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }
}
