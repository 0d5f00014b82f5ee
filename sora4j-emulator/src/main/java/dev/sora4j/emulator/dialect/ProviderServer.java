package dev.sora4j.emulator.dialect;

import dev.sora4j.emulator.api.RouteGroup;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.dialect.providers.AzureApi;
import dev.sora4j.emulator.dialect.providers.LiteLlmApi;
import dev.sora4j.emulator.dialect.providers.NewApiApi;
import dev.sora4j.emulator.dialect.providers.OpenRouterApi;
import dev.sora4j.emulator.dialect.providers.SglangApi;
import dev.sora4j.emulator.dialect.providers.TrtLlmApi;
import dev.sora4j.emulator.dialect.providers.VllmOmniApi;
import dev.sora4j.emulator.http.ApiError;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hook {@code Emulator} calls: for a provider dialect, the routes, credential check and error
 * answers of that provider instead of OpenAI's. {@code openai} and {@code gateway} have none (empty).
 */
public final class ProviderServer {
    private final ProviderApi api;

    private ProviderServer(ProviderApi api) {
        this.api = api;
    }

    /** The server for {@code config.dialect()}, or empty for OpenAI's own shapes. */
    public static Optional<ProviderServer> forConfig(EmulatorConfig config, Jobs jobs) {
        ProviderApi api = switch (config.dialect()) {
            case OPENAI, GATEWAY -> null;
            case LITELLM -> new LiteLlmApi(jobs);
            case VLLM_OMNI -> new VllmOmniApi(jobs);
            case SGLANG -> new SglangApi(jobs);
            case TRTLLM -> new TrtLlmApi(jobs);
            case AZURE -> new AzureApi(jobs);
            case OPENROUTER -> new OpenRouterApi(jobs);
            case NEW_API -> new NewApiApi(jobs);
        };
        return Optional.ofNullable(api).map(ProviderServer::new);
    }

    /** The API prefix clients put in their base URL. */
    public String basePath() {
        return api.basePath();
    }

    /**
     * Registers the credential check on the API prefixes and the 404/405 behaviour. Call before the
     * fault and chaos filters, as OpenAI's check is.
     */
    public void install(JavalinConfig cfg) {
        cfg.http.prefer405over404 = api.methodNotAllowedOnKnownPaths();
        for (String prefix : prefixes()) {
            cfg.routes.before(prefix.isEmpty() ? "/videos*" : prefix + "/*", api::authenticate);
        }
    }

    /** The provider's routes (every prefix) and its public storage routes. */
    public List<RouteGroup> groups() {
        List<RouteGroup> groups = new ArrayList<>();
        groups.add(api);
        api.publicRoutes().ifPresent(groups::add);
        return groups;
    }

    /** Writes {@code e} in the provider's error envelope (for faults injected after a route ran). */
    public void writeError(Context ctx, ApiError e) {
        api.write(ctx, e);
    }

    /** Errors in the provider's envelopes; unknown routes get the provider's natural 404/405. */
    public void registerErrors(RoutesConfig routes) {
        routes.exception(ProviderError.class, (e, ctx) -> api.jobs.respond(ctx, e.status(), e.body()));
        routes.exception(ApiError.class, (e, ctx) -> api.write(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
                api.writeMethodNotAllowed(ctx);
            } else if (e.getStatus() == HttpStatus.NOT_FOUND.getCode()) {
                api.writeNotFound(ctx);
            } else {
                api.write(ctx, new ApiError(e.getStatus(), "invalid_request_error", null, null, e.getMessage()));
            }
        });
        routes.exception(
                Exception.class,
                (e, ctx) -> api.write(ctx, new ApiError(500, "server_error", null, null, "The emulator failed: " + e)));
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                api.writeNotFound(ctx);
            }
        });
        routes.error(405, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                api.writeMethodNotAllowed(ctx);
            }
        });
    }

    private List<String> prefixes() {
        List<String> all = new ArrayList<>(List.of(api.basePath()));
        all.addAll(api.otherBasePaths());
        return all;
    }
}
