package dev.sora4j.emulator.dialect.providers;

import dev.sora4j.emulator.dialect.Fields;
import dev.sora4j.emulator.dialect.Jobs;
import dev.sora4j.emulator.dialect.ProviderApi;
import dev.sora4j.emulator.dialect.ProviderError;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Pages;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.jobs.JobScheduler;
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

/**
 * Azure OpenAI's Sora 2 on the v1 API (providers.md §5): {@code /openai/v1}, {@code api-key} or an Entra
 * Bearer token, OpenAI's shapes and statuses, {@code model} = a deployment name (deployments
 * {@code sora-2} and {@code sora-2-pro} exist; another name gets the documented 404), sizes 720p only,
 * seconds {@code "4"|"8"|"12"}, at most two running jobs ({@code 429 Too many running tasks}), gateway
 * errors {@code {"error":{"code":"401",...}}} for auth and unknown routes. Content serves
 * {@code variant=video} only (the docs show no other; UNCERTAIN). Not emulated: remix (documented as a
 * {@code remix_video_id} create parameter, route UNCERTAIN; refused here as an unknown field),
 * {@code api-version} checks, the Sora 1 jobs API.
 */
public final class AzureApi extends ProviderApi {
    private static final List<String> DEPLOYMENTS = List.of("sora-2", "sora-2-pro");
    private static final List<String> SIZES = List.of("720x1280", "1280x720");
    private static final int RUNNING_LIMIT = 2;

    public AzureApi(Jobs jobs) {
        super(jobs);
    }

    @Override
    public String basePath() {
        return "/openai/v1";
    }

    @Override
    public boolean methodNotAllowedOnKnownPaths() {
        return false;
    }

    @Override
    protected void registerAt(RoutesConfig routes, String prefix) {
        routes.post(prefix + "/videos", this::create);
        routes.get(prefix + "/videos", this::list);
        routes.get(prefix + "/videos/{id}", this::retrieve);
        routes.delete(prefix + "/videos/{id}", this::delete);
        routes.get(prefix + "/videos/{id}/content", this::content);
    }

    @Override
    public void authenticate(Context ctx) {
        if (header(ctx, "api-key") == null && bearer(ctx) == null) {
            throw gateway(
                    401,
                    "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a "
                            + "valid key for an active subscription and use a correct regional API endpoint for your "
                            + "resource.");
        }
    }

    private void create(Context ctx) {
        RequestFields form = jobs.form(ctx);
        Map<String, Object> fields = new LinkedHashMap<>(form.fields());
        String deployment = Fields.text(fields, "model") == null ? "sora-2" : Fields.text(fields, "model");
        String base = deployment.toLowerCase(Locale.ROOT);
        if (!DEPLOYMENTS.contains(base)) {
            throw new ProviderError(
                    404,
                    openAi(
                            "The API deployment '" + deployment + "' for this resource does not exist. If you created "
                                    + "the deployment within the last 5 minutes, please wait a moment and try again.",
                            "video_generation_user_error",
                            null,
                            null));
        }
        fields.put("model", base);
        fields.putIfAbsent("size", "720x1280");
        String size = Fields.text(fields, "size");
        if (!SIZES.contains(size)) {
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    "size",
                    "invalid_value",
                    "Invalid value: '" + size + "'. Supported values are: " + ApiError.quotedList(SIZES) + ".");
        }
        JobScheduler.NewJob checked = jobs.openAiJob(fields, form.upload("input_reference"));
        long running = jobs.all().stream().filter(v -> !jobs.view(v).terminal()).count();
        if (running >= RUNNING_LIMIT) {
            throw new ProviderError(
                    429, openAi("Too many running tasks.", "too_many_requests", null, "too_many_running_tasks"));
        }
        JobScheduler.NewJob job = new JobScheduler.NewJob(
                deployment,
                checked.prompt(),
                checked.size(),
                checked.seconds(),
                checked.inputReference(),
                checked.characterIds(),
                null,
                null,
                checked.media(),
                null);
        jobs.respond(ctx, 200, jobs.openAiObject(jobs.start(ctx, job, Ids.video())));
    }

    private void list(Context ctx) {
        jobs.respond(ctx, 200, Pages.page(ctx, jobs.all(), StoredVideo::id, jobs::openAiObject, 20, 100, "desc"));
    }

    private void retrieve(Context ctx) {
        jobs.respond(ctx, 200, jobs.openAiObject(require(ctx)));
    }

    private void delete(Context ctx) {
        StoredVideo video = require(ctx);
        jobs.delete(video.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", video.id());
        out.put("object", "video.deleted");
        out.put("deleted", true);
        jobs.respond(ctx, 200, out);
    }

    private void content(Context ctx) throws IOException {
        String variant = ctx.queryParam("variant") == null ? "video" : ctx.queryParam("variant");
        if (!variant.equals("video")) {
            throw ApiError.invalidValue("variant", variant, List.of("video"));
        }
        StoredVideo video = require(ctx);
        String status = jobs.view(video).status();
        if (!status.equals("completed")) {
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    "video_id",
                    "video_not_ready",
                    "Video '" + video.id() + "' is " + status + "; content is available after it completes.");
        }
        if (jobs.expired(video)) {
            throw new ApiError(410, "invalid_request_error", "video_id", "video_expired", "The video has expired.");
        }
        jobs.sendMedia(ctx, video, MediaFiles.VIDEO, "video/mp4", null);
    }

    private StoredVideo require(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id)
                .orElseThrow(() -> new ApiError(
                        404, "invalid_request_error", "video_id", null, "Video with id '" + id + "' not found."));
    }

    @Override
    protected Object errorBody(ApiError e) {
        return openAi(e.getMessage(), e.type(), e.param(), e.code());
    }

    @Override
    protected Object notFoundBody(Context ctx) {
        return gatewayBody(404, "Resource not found");
    }

    private static Map<String, Object> openAi(String message, String type, String param, String code) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", message);
        inner.put("type", type);
        inner.put("param", param);
        inner.put("code", code);
        return Map.of("error", inner);
    }

    private static ProviderError gateway(int status, String message) {
        return new ProviderError(status, gatewayBody(status, message));
    }

    /** Azure's gateway envelope: {@code code} is the status as a string. */
    private static Map<String, Object> gatewayBody(int status, String message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", Integer.toString(status));
        inner.put("message", message);
        return Map.of("error", inner);
    }
}
