package dev.sora4j.emulator.dialect.providers;

import dev.sora4j.emulator.api.RouteGroup;
import dev.sora4j.emulator.dialect.Jobs;
import dev.sora4j.emulator.dialect.ProviderApi;
import dev.sora4j.emulator.dialect.ProviderError;
import dev.sora4j.emulator.dialect.SignedUrls;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.store.Ids;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * OpenRouter's own video API (providers.md §6): {@code /api/v1}, Bearer, JSON-only submit with
 * {@code vendor/model}, integer {@code duration}, {@code resolution}+{@code aspect_ratio} (or
 * {@code size}) checked against the model's catalogue ({@code GET /api/v1/videos/models}); 202
 * {@code {id, polling_url, status: pending}}; polls carry {@code unsigned_urls} (the authenticated
 * {@code /content?index=N} proxy) and {@code urls} (signed URLs served by this emulator on loopback,
 * no auth, expiring), {@code usage} once completed, {@code error} as a string; statuses
 * {@code pending, in_progress, completed, failed, expired}; envelope {@code {"error":{code:int,
 * message}}}; no list, delete, remix, edits, extensions or characters (404). UNCERTAIN choices: unknown
 * fields such as OpenAI's {@code seconds} are refused (400); content before completion is a 400; the
 * {@code job-} id shape. Not emulated: {@code callback_url} deliveries, {@code frame_images} fetching
 * (URLs are checked, not fetched), {@code cancelled} (no cancel route exists).
 */
public final class OpenRouterApi extends ProviderApi {
    private static final Set<String> FIELDS = Set.of(
            "model",
            "prompt",
            "duration",
            "resolution",
            "aspect_ratio",
            "size",
            "frame_images",
            "input_references",
            "generate_audio",
            "seed",
            "callback_url",
            "provider");
    private static final Map<String, Map<String, Object>> MODELS = Map.of(
            "openai/sora-2", model("openai/sora-2", List.of(4, 8, 12), List.of("720p"), 0.1),
            "google/veo-3.1", model("google/veo-3.1", List.of(4, 6, 8), List.of("720p", "1080p"), 0.4),
            "alibaba/wan-2.6", model("alibaba/wan-2.6", List.of(5, 10), List.of("480p", "720p", "1080p"), 0.05));
    private static final Map<String, Integer> HEIGHTS = Map.of("480p", 480, "720p", 720, "1080p", 1080);

    private final SignedUrls signed;

    public OpenRouterApi(Jobs jobs) {
        super(jobs);
        this.signed = new SignedUrls(jobs);
    }

    @Override
    public String basePath() {
        return "/api/v1";
    }

    @Override
    public boolean methodNotAllowedOnKnownPaths() {
        return false;
    }

    @Override
    protected void registerAt(RoutesConfig routes, String prefix) {
        routes.post(prefix + "/videos", this::submit);
        routes.get(prefix + "/videos/models", ctx -> jobs.respond(ctx, 200, Map.of("data", MODELS.values())));
        routes.get(prefix + "/videos/{id}", this::poll);
        routes.get(prefix + "/videos/{id}/content", this::content);
    }

    @Override
    public Optional<RouteGroup> publicRoutes() {
        return Optional.of(signed);
    }

    @Override
    public void authenticate(Context ctx) {
        // The models catalogue is public; everything else needs the key.
        if (bearer(ctx) == null && !ctx.path().endsWith("/videos/models")) {
            throw error(401, "No auth credentials found");
        }
    }

    private void submit(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw error(400, "Content-Type must be application/json");
        }
        Map<String, Object> body = jobs.form(ctx).fields();
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw error(400, "Invalid request: unrecognized key '" + key + "'");
            }
        }
        Object modelName = body.get("model");
        Map<String, Object> model = modelName instanceof String s ? MODELS.get(s) : null;
        if (model == null) {
            throw error(
                    400,
                    "Model '" + modelName + "' does not exist or does not generate videos; see "
                            + "GET /api/v1/videos/models");
        }
        Object prompt = body.get("prompt");
        if (!(prompt instanceof String p) || p.isBlank()) {
            if (body.get("frame_images") == null) {
                throw error(400, "prompt is required unless frame_images is given");
            }
        }
        Object duration = body.getOrDefault("duration", ((List<?>) model.get("supported_durations")).get(0));
        if (!(duration instanceof Integer d) || !((List<?>) model.get("supported_durations")).contains(d)) {
            throw error(
                    400,
                    "duration must be one of " + model.get("supported_durations") + " for " + modelName + ", got "
                            + duration);
        }
        String size = size(body, model);
        String text = prompt instanceof String p ? p : "";
        StoredVideo video = jobs.start(ctx, Jobs.job((String) modelName, text, size, d, null), "job-" + Ids.hex(12));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", video.id());
        out.put("polling_url", pollingUrl(video));
        out.put("status", "pending");
        jobs.respond(ctx, 202, out);
    }

    /** {@code size} as {@code WxH}, or {@code resolution} + {@code aspect_ratio}, within the model's lists. */
    private static String size(Map<String, Object> body, Map<String, Object> model) {
        List<?> resolutions = (List<?>) model.get("supported_resolutions");
        List<?> sizes = (List<?>) model.get("supported_sizes");
        Object size = body.get("size");
        if (size != null) {
            if (!sizes.contains(size)) {
                throw error(400, "size must be one of " + sizes + ", got " + size);
            }
            return (String) size;
        }
        Object resolution = body.getOrDefault("resolution", resolutions.get(0));
        Object aspect = body.getOrDefault("aspect_ratio", "16:9");
        if (!resolutions.contains(resolution)) {
            throw error(400, "resolution must be one of " + resolutions + ", got " + resolution);
        }
        if (!List.of("16:9", "9:16").contains(aspect)) {
            throw error(400, "aspect_ratio must be one of [16:9, 9:16], got " + aspect);
        }
        int h = HEIGHTS.get(resolution);
        int w = h == 480 ? 854 : h * 16 / 9;
        return aspect.equals("16:9") ? w + "x" + h : h + "x" + w;
    }

    private void poll(Context ctx) {
        StoredVideo video = require(ctx);
        Timeline.View view = jobs.view(video);
        String status = status(video, view);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", video.id());
        out.put("polling_url", pollingUrl(video));
        out.put("status", status);
        if (status.equals("completed")) {
            String origin = ctx.scheme() + "://" + ctx.host();
            out.put("generation_id", "gen-" + video.id().substring(4));
            out.put("unsigned_urls", List.of(origin + basePath() + "/videos/" + video.id() + "/content?index=0"));
            out.put("urls", List.of(signed.url(origin, video)));
            out.put("usage", Map.of("cost", cost(video), "is_byok", false));
        }
        if (view.error() != null) {
            out.put("error", view.error().get("message"));
        }
        jobs.respond(ctx, 200, out);
    }

    private void content(Context ctx) throws IOException {
        StoredVideo video = require(ctx);
        String index = ctx.queryParam("index") == null ? "0" : ctx.queryParam("index");
        if (!index.matches("\\d{1,3}")) {
            throw error(400, "index must be an integer >= 0, got " + index);
        }
        String status = status(video, jobs.view(video));
        if (!status.equals("completed")) {
            throw error(400, "Video generation is " + status + "; content is available once it is completed");
        }
        if (!index.equals("0")) {
            throw error(404, "No output at index " + index + " (this job has 1 output)");
        }
        jobs.sendMedia(ctx, video, MediaFiles.VIDEO, "video/mp4", null);
    }

    private String status(StoredVideo video, Timeline.View view) {
        return switch (view.status()) {
            case "queued" -> "pending";
            case "completed" -> jobs.expired(video) ? "expired" : "completed";
            default -> view.status();
        };
    }

    private double cost(StoredVideo video) {
        double perSecond = (Double) MODELS.get(video.model()).get("pricing_per_second");
        return Math.round(perSecond * Integer.parseInt(video.seconds()) * 1000) / 1000.0;
    }

    private String pollingUrl(StoredVideo video) {
        return basePath() + "/videos/" + video.id();
    }

    private StoredVideo require(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> error(404, "Video job " + id + " not found"));
    }

    private static Map<String, Object> model(
            String id, List<Integer> durations, List<String> resolutions, double price) {
        List<String> sizes = resolutions.stream()
                .flatMap(r -> {
                    int h = heightOf(r);
                    int w = h == 480 ? 854 : h * 16 / 9;
                    return Stream.of(w + "x" + h, h + "x" + w);
                })
                .toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("supported_durations", durations);
        m.put("supported_resolutions", resolutions);
        m.put("supported_aspect_ratios", List.of("16:9", "9:16"));
        m.put("supported_sizes", sizes);
        m.put("supported_frame_images", List.of("first_frame"));
        m.put("pricing_per_second", price);
        return m;
    }

    private static int heightOf(String resolution) {
        return Integer.parseInt(resolution.substring(0, resolution.length() - 1));
    }

    @Override
    protected Object errorBody(ApiError e) {
        return envelope(e.status(), e.getMessage());
    }

    @Override
    protected Object notFoundBody(Context ctx) {
        return envelope(404, "Not Found");
    }

    private static ProviderError error(int status, String message) {
        return new ProviderError(status, envelope(status, message));
    }

    private static Map<String, Object> envelope(int status, String message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", status);
        inner.put("message", message);
        return Map.of("error", inner);
    }
}
