package dev.sora4j.emulator.dialect.providers;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sora4j.emulator.dialect.Fields;
import dev.sora4j.emulator.dialect.Jobs;
import dev.sora4j.emulator.dialect.ProviderApi;
import dev.sora4j.emulator.dialect.ProviderError;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Content;
import dev.sora4j.emulator.http.Pages;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.store.Ids;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code vllm serve <model> --omni} server (providers.md §2) serving one model,
 * {@value #SERVED_MODEL}. Create is multipart only: a JSON body reaches the form handler empty, so
 * {@code prompt} is missing and vLLM answers 400. {@code model} must equal the served model or be
 * omitted; {@code width}/{@code height}, {@code num_frames}/{@code fps} and {@code image_reference} (JSON
 * in a form field) are read. Ids {@code video_gen_} + 32 hex; progress 0 then 100; a failed job's
 * retrieve answers 500 with the job; content 404 until done, 422 when failed, no {@code variant}; list
 * with cursors; delete cancels and answers {@code {id, deleted, object}}; no remix, edits, extensions,
 * characters. Not emulated: {@code --api-key} (the server runs without one, as by default),
 * {@code POST /v1/videos/sync}, range requests on content.
 */
public final class VllmOmniApi extends ProviderApi {
    static final String SERVED_MODEL = "Wan-AI/Wan2.2-T2V-A14B-Diffusers";
    private static final int DEFAULT_FPS = 24;
    private static final String DEFAULT_SIZE = "1280x720";

    public VllmOmniApi(Jobs jobs) {
        super(jobs);
    }

    @Override
    public String basePath() {
        return "/v1";
    }

    @Override
    protected void registerAt(RoutesConfig routes, String prefix) {
        routes.post(prefix + "/videos", this::create);
        routes.get(prefix + "/videos", this::list);
        routes.get(prefix + "/videos/{id}", this::retrieve);
        routes.delete(prefix + "/videos/{id}", this::delete);
        routes.get(prefix + "/videos/{id}/content", this::content);
    }

    private void create(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        Map<String, Object> fields = new LinkedHashMap<>();
        RequestFields.Upload upload = null;
        if (type.startsWith("multipart/form-data")) {
            RequestFields form = jobs.form(ctx);
            fields.putAll(form.fields());
            upload = form.upload("input_reference");
        }
        // Anything but a form (JSON included) leaves every form field empty: FastAPI reports `prompt`
        // missing, and vLLM turns request-validation errors into 400.
        String prompt = Fields.text(fields, "prompt");
        if (prompt == null) {
            throw error(
                    400, "[{'type': 'missing', 'loc': ('body', 'prompt'), 'msg': 'Field required', 'input': None}]");
        }
        String model = Fields.text(fields, "model");
        if (model != null && !model.isEmpty() && !model.equals(SERVED_MODEL)) {
            throw error(
                    400,
                    "Model mismatch: request specifies '" + model + "' but server is running '" + SERVED_MODEL + "'.");
        }
        String size = Fields.text(fields, "size");
        if (size != null && !Fields.sizeShape(size)) {
            throw error(400, "size must match '^\\d+x\\d+$', got '" + size + "'.");
        }
        String seconds = Fields.text(fields, "seconds");
        if (seconds != null && !Fields.positiveDigits(seconds)) {
            throw error(400, "seconds must match '^[1-9]\\d*$', got '" + seconds + "'.");
        }
        if (upload != null && fields.get("image_reference") != null) {
            throw error(400, "Provide either input_reference or image_reference, not both.");
        }
        Content firstFrame = upload == null ? null : upload.content();
        imageReference(fields);
        String renderSize = size != null ? size : widthHeight(fields);
        if (!Fields.renderableSize(renderSize)) {
            throw error(400, "Unsupported video size '" + renderSize + "': width and height must be even, 64-4096.");
        }
        double fps = number(fields, "fps", DEFAULT_FPS);
        String frames = Fields.text(fields, "num_frames");
        int clip = frames != null
                ? Fields.secondsOf((int) number(fields, "num_frames", 0), fps)
                : seconds != null ? Integer.parseInt(seconds) : 4;
        StoredVideo video = jobs.start(
                ctx, Jobs.job(SERVED_MODEL, prompt, renderSize, clip, firstFrame), "video_gen_" + Ids.hex(16));
        jobs.respond(ctx, 200, object(video, size != null));
    }

    /** {@code image_reference} is JSON in a form field: {@code {"image_url": ...}} or {@code {"file_id": ...}}. */
    private void imageReference(Map<String, Object> fields) {
        String raw = Fields.text(fields, "image_reference");
        if (raw == null) {
            return;
        }
        try {
            Map<String, Object> ref = jobs.json().readValue(raw, new TypeReference<Map<String, Object>>() {});
            if (!ref.containsKey("image_url") && !ref.containsKey("file_id")) {
                throw error(400, "image_reference must have image_url or file_id.");
            }
        } catch (IOException e) {
            throw error(400, "image_reference is not valid JSON.");
        }
    }

    private String widthHeight(Map<String, Object> fields) {
        String w = Fields.text(fields, "width");
        String h = Fields.text(fields, "height");
        if (w == null || h == null) {
            return DEFAULT_SIZE;
        }
        return (int) number(fields, "width", 0) + "x" + (int) number(fields, "height", 0);
    }

    private double number(Map<String, Object> fields, String name, double dflt) {
        String raw = Fields.text(fields, name);
        if (raw == null) {
            return dflt;
        }
        try {
            double v = Double.parseDouble(raw);
            if (!(v > 0)) {
                throw error(400, name + " must be > 0, got '" + raw + "'.");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(
                    400,
                    "[{'type': 'float_parsing', 'loc': ('body', '" + name
                            + "'), 'msg': 'Input should be a valid number', 'input': '" + raw + "'}]");
        }
    }

    private void list(Context ctx) {
        jobs.respond(ctx, 200, Pages.page(ctx, jobs.all(), StoredVideo::id, v -> object(v, true), 20, 100, "desc"));
    }

    private void retrieve(Context ctx) {
        StoredVideo video = require(ctx);
        Timeline.View view = jobs.view(video);
        // A failed job is answered with its own JSON under an error status (500 unless its code is one).
        jobs.respond(ctx, view.status().equals("failed") ? 500 : 200, object(video, true));
    }

    private void delete(Context ctx) {
        StoredVideo video = require(ctx);
        // Queued and running jobs are cancelled; their file is removed either way.
        jobs.delete(video.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", video.id());
        out.put("deleted", true);
        out.put("object", "video.deleted");
        jobs.respond(ctx, 200, out);
    }

    private void content(Context ctx) throws IOException {
        StoredVideo video = require(ctx);
        String status = jobs.view(video).status();
        if (status.equals("failed")) {
            throw error(
                    422, "Video generation failed: " + jobs.view(video).error().get("message"));
        }
        if (!status.equals("completed")) {
            throw error(404, "Generation is still in-progress");
        }
        jobs.sendMedia(ctx, video, MediaFiles.VIDEO, "video/mp4", "attachment; filename=\"" + video.id() + ".mp4\"");
    }

    private StoredVideo require(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> error(404, "Video " + id + " not found"));
    }

    /** {@code VideoResponse}: OpenAI's fields (no thumbnail), {@code size} null unless sent, plus vLLM's extras. */
    private Map<String, Object> object(StoredVideo v, boolean sizeSent) {
        Timeline.View view = jobs.view(v);
        boolean done = view.status().equals("completed");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", SERVED_MODEL);
        out.put("prompt", v.prompt());
        out.put("id", v.id());
        out.put("object", "video");
        out.put("status", view.status());
        out.put("size", sizeSent ? v.size() : null);
        out.put("progress", done ? 100 : 0);
        out.put("seconds", v.seconds());
        out.put("quality", "default");
        out.put("completed_at", view.completedAt());
        out.put("created_at", v.createdAtMs() / 1000);
        out.put("remixed_from_video_id", null);
        out.put("error", view.error());
        out.put("media_type", "video/mp4");
        out.put("expires_at", null);
        out.put("file_name", done ? v.id() + ".mp4" : null);
        out.put("inference_time_s", done ? (v.plannedDoneAtMs() - v.queuedUntilMs()) / 1000.0 : null);
        out.put("stage_durations", Map.of());
        out.put("peak_memory_mb", 0.0);
        return out;
    }

    @Override
    protected Object errorBody(ApiError e) {
        return envelope(e.status(), e.getMessage());
    }

    private static ProviderError error(int status, String message) {
        return new ProviderError(status, envelope(status, message));
    }

    /** vLLM's envelope: {@code type} is the HTTP reason phrase, {@code code} an integer. */
    private static Map<String, Object> envelope(int status, String message) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", message);
        inner.put("type", HttpStatus.forStatus(status).getMessage());
        inner.put("param", null);
        inner.put("code", status);
        return Map.of("error", inner);
    }
}
