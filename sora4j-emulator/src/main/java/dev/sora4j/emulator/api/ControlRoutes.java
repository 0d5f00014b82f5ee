package dev.sora4j.emulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.clock.VirtualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.faults.RateLimiter;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.BodyLimits;
import dev.sora4j.emulator.http.Responses;
import dev.sora4j.emulator.jobs.Stats;
import dev.sora4j.emulator.webhooks.WebhookSender;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code /_emulator/*}, for tests and demos, served only when enabled: the clock (read, advance,
 * speed), request and job counts, and a reset to an empty emulator.
 */
public final class ControlRoutes implements RouteGroup {
    private static final Pattern LOOPBACK_HOST = Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?");
    private static final Pattern LOOPBACK_ORIGIN =
            Pattern.compile("https?://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?");

    private final byte[] token;
    private final EmulatorConfig config;
    private final VirtualClock clock;
    private final Stats stats;
    private final RateLimiter limiter;
    private final WebhookSender webhooks;
    private final ObjectMapper json;
    private final BodyLimits bodyLimits;

    public ControlRoutes(
            String token,
            EmulatorConfig config,
            VirtualClock clock,
            Stats stats,
            RateLimiter limiter,
            WebhookSender webhooks,
            ObjectMapper json) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.config = config;
        this.clock = clock;
        this.stats = stats;
        this.limiter = limiter;
        this.webhooks = webhooks;
        this.json = json;
        this.bodyLimits =
                new BodyLimits(config.limits().maxJsonBytes(), config.limits().maxUploadBytes());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/_emulator/*", this::guard);
        routes.get("/_emulator/clock", this::clock);
        routes.post("/_emulator/clock/advance", this::advance);
        routes.post("/_emulator/clock/speed", this::speed);
        routes.get("/_emulator/stats", this::stats);
        routes.post("/_emulator/reset", this::reset);
    }

    private void clock(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", clock.millis() / 1000.0);
        out.put("speed", clock.speed());
        Responses.json(ctx, json, out);
    }

    /** {@code {"seconds": N}}: jumps the clock forward. */
    private void advance(Context ctx) {
        double seconds = number(ctx, "seconds");
        clock.advance(Duration.ofMillis(Math.round(seconds * 1000)));
        clock(ctx);
    }

    /** {@code {"speed": X}}: one real second now counts as X. */
    private void speed(Context ctx) {
        double speed = number(ctx, "speed");
        if (!(speed > 0)) {
            throw ApiError.invalidRequest("speed", "Invalid 'speed': expected a number > 0, got " + speed + ".");
        }
        clock.setSpeed(speed);
        clock(ctx);
    }

    private void stats(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>(stats.snapshot());
        out.put("webhooks", webhooks.stats());
        out.put("webhook_secret_set", webhooks.enabled());
        Responses.json(ctx, json, out);
    }

    /** Forgets every job, file, batch and character, and zeroes the counts and rate windows. */
    private void reset(Context ctx) {
        for (String sub : List.of("videos", "media", "characters", "files", "batches")) {
            Path dir = config.stateDir().resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        stats.reset();
        limiter.reset();
        Responses.json(ctx, json, Map.of("reset", true));
    }

    /** Reads {@code field} from the JSON body. */
    private double number(Context ctx, String field) {
        Object v;
        try {
            v = json.readTree(bodyLimits.readJson(ctx)).path(field).numberValue();
        } catch (IOException e) {
            v = null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw ApiError.invalidRequest(field, "Send a JSON body like {\"" + field + "\": 2}.");
    }

    /**
     * Lets a request through only from a loopback host name (no DNS rebinding), no foreign web
     * origin, with the token, and with a JSON body on POST.
     */
    private void guard(Context ctx) {
        String host = ctx.header("Host");
        if (host == null
                || !LOOPBACK_HOST.matcher(host.strip().toLowerCase(Locale.ROOT)).matches()) {
            throw new ApiError(
                    403,
                    "invalid_request_error",
                    null,
                    "host_not_allowed",
                    "The control routes answer only requests to 127.0.0.1, localhost or [::1].");
        }
        String origin = ctx.header("Origin");
        if (origin != null
                && !LOOPBACK_ORIGIN
                        .matcher(origin.strip().toLowerCase(Locale.ROOT))
                        .matches()) {
            throw new ApiError(
                    403,
                    "invalid_request_error",
                    null,
                    "origin_not_allowed",
                    "The control routes do not answer requests from web pages of other origins.");
        }
        if (!tokenMatches(ctx)) {
            throw new ApiError(
                    401,
                    "invalid_request_error",
                    null,
                    "invalid_control_token",
                    "The control routes need the token the emulator printed at start, as "
                            + "'Authorization: Bearer TOKEN' or 'x-sora4j-control-token: TOKEN'.");
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (ctx.method().name().equals("POST") && !type.startsWith("application/json")) {
            throw new ApiError(
                    415,
                    "invalid_request_error",
                    null,
                    "unsupported_media_type",
                    "The control routes accept only JSON: send 'Content-Type: application/json'.");
        }
    }

    private boolean tokenMatches(Context ctx) {
        String given = ctx.header("x-sora4j-control-token");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.startsWith("Bearer ")) {
            given = auth.substring(7).strip();
        }
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }
}
