package dev.sora4j.emulator.dialect;

import dev.sora4j.emulator.api.RouteGroup;
import dev.sora4j.emulator.http.ApiError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's server: its routes (registered by {@link #register}), where they live, how it
 * authenticates, and how it writes errors. Errors shared with the OpenAI routes ({@link ApiError}: rate
 * limits, unparsable bodies) are re-shaped by {@link #errorBody}; a dialect's own refusals are thrown
 * as {@link ProviderError} already shaped.
 */
public abstract class ProviderApi implements RouteGroup {
    protected final Jobs jobs;

    protected ProviderApi(Jobs jobs) {
        this.jobs = jobs;
    }

    /** Path prefix of the API ({@code /v1}, {@code /openai/v1}, {@code /api/v1}). */
    public abstract String basePath();

    /** Further prefixes the same routes answer on (LiteLLM also mounts them without {@code /v1}). */
    public List<String> otherBasePaths() {
        return List.of();
    }

    /** Checks the credential a request carries; throws {@link ProviderError} to refuse. No check by default. */
    public void authenticate(Context ctx) {}

    /**
     * Whether a known path asked with another method answers 405 (FastAPI/Starlette servers) rather
     * than the server's 404.
     */
    public boolean methodNotAllowedOnKnownPaths() {
        return true;
    }

    /** The body of an error raised by shared code, in this provider's envelope. */
    protected abstract Object errorBody(ApiError e);

    /** The answer to an unknown route (FastAPI's by default). */
    protected Object notFoundBody(Context ctx) {
        return Map.of("detail", "Not Found");
    }

    /** The answer to a known path with another method (FastAPI's by default). */
    protected Object methodNotAllowedBody(Context ctx) {
        return Map.of("detail", "Method Not Allowed");
    }

    /** Extra routes outside the API prefix that need no credential (OpenRouter's signed storage URLs). */
    public Optional<RouteGroup> publicRoutes() {
        return Optional.empty();
    }

    /** Registers the routes under {@link #basePath()} and every {@link #otherBasePaths()} prefix. */
    @Override
    public final void register(RoutesConfig routes) {
        registerAt(routes, basePath());
        for (String prefix : otherBasePaths()) {
            registerAt(routes, prefix);
        }
    }

    /** Registers the routes under {@code prefix} ({@code /v1/videos} for prefix {@code /v1}). */
    protected abstract void registerAt(RoutesConfig routes, String prefix);

    /** Writes a shared error in this provider's envelope. */
    final void write(Context ctx, ApiError e) {
        jobs.respond(ctx, e.status(), errorBody(e));
    }

    final void writeNotFound(Context ctx) {
        jobs.respond(ctx, 404, notFoundBody(ctx));
    }

    final void writeMethodNotAllowed(Context ctx) {
        jobs.respond(ctx, 405, methodNotAllowedBody(ctx));
    }

    /** {@code "Bearer KEY"} → KEY, else null. */
    protected static String bearer(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = auth.substring(7).strip();
        return key.isEmpty() ? null : key;
    }

    /** A non-blank header value, else null. */
    protected static String header(Context ctx, String name) {
        String v = ctx.header(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
