package dev.sora4j.emulator.dialect.providers;

import dev.sora4j.emulator.dialect.Fields;
import dev.sora4j.emulator.dialect.Jobs;
import dev.sora4j.emulator.dialect.LiteLlmIds;
import dev.sora4j.emulator.dialect.ProviderApi;
import dev.sora4j.emulator.dialect.ProviderError;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Content;
import dev.sora4j.emulator.http.Pages;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.jobs.JobScheduler;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.store.Ids;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A LiteLLM proxy (providers.md §1) with three {@code model_name}s: {@code sora-2} and
 * {@code sora-2-pro} routed to an OpenAI backend (OpenAI's validation, statuses passed through) and
 * {@code veo-3.1} routed to a Gemini backend ({@code processing} until done, no progress, size or
 * seconds). Ids are {@code video_} + base64 of the routing text and change between responses
 * (create embeds the deployment id, retrieve an empty model id, list items the model name); all decode
 * to the same backend id, and raw backend ids are accepted too. No {@code prompt} in the object,
 * {@code usage} on create and remix only, {@code variant} ignored (always the MP4), no DELETE route
 * (405). Not emulated: edits, extensions and characters (documented as routed; they answer 405 here),
 * per-key budgets, ownership checks, the {@code custom-llm-provider} header.
 */
public final class LiteLlmApi extends ProviderApi {
    private static final List<String> OPENAI_MODELS = List.of("sora-2", "sora-2-pro");
    private static final String VEO = "veo-3.1";
    private static final List<String> KEY_HEADERS =
            List.of("x-litellm-api-key", "API-Key", "x-api-key", "x-goog-api-key", "Ocp-Apim-Subscription-Key");

    public LiteLlmApi(Jobs jobs) {
        super(jobs);
    }

    @Override
    public String basePath() {
        return "/v1";
    }

    @Override
    public List<String> otherBasePaths() {
        return List.of("");
    }

    @Override
    protected void registerAt(RoutesConfig routes, String prefix) {
        routes.post(prefix + "/videos", this::create);
        routes.get(prefix + "/videos", this::list);
        routes.get(prefix + "/videos/{id}", this::retrieve);
        routes.get(prefix + "/videos/{id}/content", this::content);
        routes.post(prefix + "/videos/{id}/remix", this::remix);
    }

    @Override
    public void authenticate(Context ctx) {
        if (bearer(ctx) != null || KEY_HEADERS.stream().anyMatch(h -> header(ctx, h) != null)) {
            return;
        }
        throw new ProviderError(401, envelope("Authentication Error, No api key passed in.", "auth_error", null, 401));
    }

    private void create(Context ctx) {
        Map<String, Object> fields;
        RequestFields.Upload upload = null;
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            fields = new LinkedHashMap<>();
            ctx.formParamMap().forEach((k, v) -> fields.put(k, v.isEmpty() ? null : v.get(0)));
        } else {
            RequestFields form = jobs.form(ctx);
            fields = new LinkedHashMap<>(form.fields());
            upload = form.upload("input_reference");
        }
        // LiteLLM consumes these itself; the backend never sees them.
        fields.remove("user");
        fields.remove("custom_llm_provider");
        fields.remove("extra_body");
        String model = Fields.text(fields, "model");
        JobScheduler.NewJob job;
        if (VEO.equals(model)) {
            job = veoJob(fields, upload);
        } else if (model != null && OPENAI_MODELS.contains(model)) {
            job = jobs.openAiJob(fields, upload);
        } else {
            // UNCERTAIN (providers.md): the router's wording for a model_name it does not know.
            throw new ProviderError(
                    400,
                    envelope(
                            "litellm.BadRequestError: Invalid model name passed in model=" + model
                                    + ". Call `/v1/models` to view available models for your key.",
                            "invalid_request_error",
                            "model",
                            400));
        }
        StoredVideo video = jobs.start(ctx, job, Ids.video());
        Map<String, Object> out = object(video, deploymentId(video.model()));
        out.put("usage", Map.of("duration_seconds", Double.parseDouble(video.seconds())));
        jobs.respond(ctx, 200, out);
    }

    /** A Veo backend: LiteLLM maps size to an aspect ratio and seconds to durationSeconds (4, 6 or 8). */
    private JobScheduler.NewJob veoJob(Map<String, Object> fields, RequestFields.Upload upload) {
        String prompt = Fields.text(fields, "prompt");
        if (prompt == null || prompt.isBlank()) {
            throw backendError("GeminiException - prompt is required", "prompt");
        }
        String size = Fields.text(fields, "size") == null ? "1280x720" : Fields.text(fields, "size");
        if (!size.equals("1280x720") && !size.equals("720x1280")) {
            throw backendError("GeminiException - aspectRatio must be 16:9 or 9:16, got size " + size, "size");
        }
        String seconds = Fields.text(fields, "seconds") == null ? "8" : Fields.text(fields, "seconds");
        if (!List.of("4", "6", "8").contains(seconds)) {
            throw backendError("GeminiException - durationSeconds must be 4, 6 or 8, got " + seconds, "seconds");
        }
        return Jobs.job(VEO, prompt, size, Integer.parseInt(seconds), upload == null ? null : upload.content());
    }

    private void list(Context ctx) {
        // The backend's page, with each item re-encoded but the cursors left raw (providers.md §1).
        Map<String, Object> page = Pages.page(
                ctx,
                jobs.all(),
                StoredVideo::id,
                v -> {
                    Map<String, Object> item = jobs.openAiObject(v);
                    item.put("id", LiteLlmIds.encode(provider(v), v.model(), v.id()));
                    return item;
                },
                20,
                100,
                "desc");
        jobs.respond(ctx, 200, page);
    }

    private void retrieve(Context ctx) {
        StoredVideo video = require(ctx);
        jobs.respond(ctx, 200, object(video, ""));
    }

    private void content(Context ctx) throws IOException {
        String requested = ctx.pathParam("id");
        StoredVideo video = require(ctx);
        Timeline.View view = jobs.view(video);
        if (!view.status().equals("completed")) {
            // UNCERTAIN (providers.md: 400): the backend's refusal, wrapped.
            throw backendError(
                    "OpenAIException - Video '" + video.id() + "' is " + view.status()
                            + "; content is available only after the video completes.",
                    "video_id");
        }
        // The route does not forward `variant`: whatever was asked, the MP4 comes back.
        jobs.sendMedia(ctx, video, MediaFiles.VIDEO, "video/mp4", "attachment; filename=video_" + requested + ".mp4");
    }

    private void remix(Context ctx) throws IOException {
        StoredVideo source = require(ctx);
        if (!jobs.view(source).status().equals("completed")) {
            throw backendError("OpenAIException - Video '" + source.id() + "' is not completed.", "video_id");
        }
        RequestFields form = jobs.form(ctx);
        String prompt = form.text("prompt");
        if (prompt == null || prompt.isBlank()) {
            throw backendError("OpenAIException - Missing required parameter: 'prompt'.", "prompt");
        }
        Content sourceMp4 = Content.of(jobs.videoPath(source));
        JobScheduler.NewJob job = new JobScheduler.NewJob(
                source.model(),
                prompt,
                source.size(),
                source.seconds(),
                null,
                List.of(),
                source.id(),
                new StoredVideo.Derivation(StoredVideo.Derivation.REMIX, source.id(), 0, 0),
                Map.of(MediaFiles.SOURCE, sourceMp4),
                null);
        StoredVideo video = jobs.start(ctx, job, Ids.video());
        Map<String, Object> out = object(video, "");
        out.put("usage", Map.of("duration_seconds", Double.parseDouble(video.seconds())));
        jobs.respond(ctx, 200, out);
    }

    private StoredVideo require(Context ctx) {
        String backendId = LiteLlmIds.backendId(ctx.pathParam("id"));
        return jobs.find(backendId)
                .orElseThrow(() -> new ProviderError(
                        404,
                        envelope(
                                "litellm.NotFoundError: OpenAIException - Video with id '" + backendId + "' not found.",
                                "invalid_request_error",
                                "video_id",
                                404)));
    }

    /** LiteLLM's {@code VideoObject}: no {@code prompt}; {@code usage} null unless create/remix sets it. */
    private Map<String, Object> object(StoredVideo v, String modelId) {
        Map<String, Object> openAi = jobs.openAiObject(v);
        boolean veo = VEO.equals(v.model());
        String status = String.valueOf(openAi.get("status"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", LiteLlmIds.encode(provider(v), modelId, v.id()));
        out.put("object", "video");
        out.put("status", veo && !status.equals("completed") && !status.equals("failed") ? "processing" : status);
        out.put("created_at", openAi.get("created_at"));
        out.put("completed_at", openAi.get("completed_at"));
        out.put("expires_at", openAi.get("expires_at"));
        out.put("error", openAi.get("error"));
        out.put("progress", veo ? null : openAi.get("progress"));
        out.put("remixed_from_video_id", openAi.get("remixed_from_video_id"));
        out.put("seconds", veo ? null : openAi.get("seconds"));
        out.put("size", veo ? null : openAi.get("size"));
        out.put("model", v.model());
        out.put("usage", null);
        return out;
    }

    private static String provider(StoredVideo v) {
        return VEO.equals(v.model()) ? "gemini" : "openai";
    }

    /** A deployment id as the router hashes it (stable per model name). */
    private static String deploymentId(String model) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(model.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Object errorBody(ApiError e) {
        // Shared errors come from the backend (OpenAI's validation, rate limits): wrapped with LiteLLM's prefix.
        return envelope(
                "litellm." + exceptionName(e.status()) + ": OpenAIException - " + e.getMessage(),
                e.type(),
                e.param(),
                e.status());
    }

    private static ProviderError backendError(String message, String param) {
        return new ProviderError(
                400, envelope("litellm.BadRequestError: " + message, "invalid_request_error", param, 400));
    }

    /** OpenAI's envelope with {@code param} and {@code code} as strings ({@code "None"} for no param). */
    private static Map<String, Object> envelope(String message, String type, String param, int status) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", message);
        inner.put("type", type);
        inner.put("param", param == null ? "None" : param);
        inner.put("code", Integer.toString(status));
        return Map.of("error", inner);
    }

    private static String exceptionName(int status) {
        return switch (status) {
            case 400 -> "BadRequestError";
            case 401 -> "AuthenticationError";
            case 403 -> "PermissionDeniedError";
            case 404 -> "NotFoundError";
            case 429 -> "RateLimitError";
            default -> status >= 500 ? "InternalServerError" : "APIError";
        };
    }
}
