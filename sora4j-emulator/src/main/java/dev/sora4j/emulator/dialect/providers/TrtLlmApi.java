package dev.sora4j.emulator.dialect.providers;

import dev.sora4j.emulator.dialect.Fields;
import dev.sora4j.emulator.dialect.Jobs;
import dev.sora4j.emulator.dialect.ProviderApi;
import dev.sora4j.emulator.dialect.ProviderError;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.store.Ids;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code trtllm-serve} VisualGen (providers.md §4), newer builds: no auth; create JSON (strict: unknown
 * fields refused) or multipart (a fixed field list, the rest ignored), anything else 400; 202 on create;
 * {@code seconds} a number in (0, 60], {@code fps} (0, 120], {@code width}+{@code height} together,
 * {@code image_reference} (deprecated {@code input_reference} too), {@code response_format file|path};
 * {@code model} ignored. Ids {@code video_} + 32 hex; {@code queued → generating → postprocessing →
 * completed|failed}; {@code progress} null; {@code duration}/{@code fps} instead of {@code seconds};
 * {@code error} a string; flat errors {@code {"object":"error",...}}; content 400 until completed, no
 * {@code variant}, named {@code <id>_0.mp4}; list {@code {data, object}}; delete cancels and answers {@code {"deleted": true}}; no
 * remix/edits/extensions/characters. Not emulated: the sync routes, AVI/tensor formats, Server-Timing, the
 * {@code {id, output_path}} answer of {@code response_format: path} (the format is echoed on create only).
 */
public final class TrtLlmApi extends ProviderApi {
    static final String SERVED_MODEL = "Wan-AI/Wan2.1-T2V-1.3B-Diffusers";
    private static final String DEFAULT_SIZE = "832x480";
    private static final double DEFAULT_FPS = 16.0;
    private static final Set<String> JSON_FIELDS = Set.of(
            "prompt",
            "model",
            "response_format",
            "format",
            "seed",
            "image_reference",
            "video_reference",
            "audio_reference",
            "input_reference",
            "size",
            "width",
            "height",
            "num_frames",
            "seconds",
            "fps",
            "frame_rate",
            "num_inference_steps",
            "guidance_scale",
            "max_sequence_length",
            "negative_prompt",
            "extra_params",
            "n");

    public TrtLlmApi(Jobs jobs) {
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
        boolean multipart = type.startsWith("multipart/form-data");
        if (!multipart && !type.startsWith("application/json")) {
            throw error(400, "BadRequestError", "Unsupported content-type: " + ctx.contentType());
        }
        RequestFields form = jobs.form(ctx);
        Map<String, Object> fields = new LinkedHashMap<>(form.fields());
        if (!multipart) {
            for (String key : fields.keySet()) {
                // UNCERTAIN: the newest code documents 422 for these, the older route code 400; 400 here.
                if (!JSON_FIELDS.contains(key)) {
                    throw error(
                            400,
                            "BadRequestError",
                            "1 validation error for VideoGenerationRequest\n" + key
                                    + "\n  Extra inputs are not permitted [type=extra_forbidden]");
                }
            }
        }
        String prompt = Fields.text(fields, "prompt");
        if (prompt == null || prompt.isEmpty()) {
            throw error(400, "BadRequestError", "prompt is required");
        }
        String format = Fields.text(fields, "response_format");
        if (format != null && !format.equals("file") && !format.equals("path")) {
            throw error(
                    400,
                    "BadRequestError",
                    "response_format '" + format
                            + "' is no longer supported; use 'file' (download from /v1/videos/{id}/content) or 'path'.");
        }
        String size = size(fields);
        Double seconds = number(fields, "seconds", 0, 60);
        double fps = fields.containsKey("fps") || fields.containsKey("frame_rate")
                ? number(fields, fields.containsKey("fps") ? "fps" : "frame_rate", 0, 120)
                : DEFAULT_FPS;
        Double frames = number(fields, "num_frames", 0, 7200);
        int clip = frames != null
                ? Fields.secondsOf(frames.intValue(), fps)
                : seconds != null ? (int) Math.max(1, Math.round(seconds)) : 4;
        RequestFields.Upload upload = form.upload("image_reference") != null
                ? form.upload("image_reference")
                : form.upload("input_reference");
        String model = Fields.text(fields, "model") == null ? SERVED_MODEL : Fields.text(fields, "model");
        StoredVideo video = jobs.start(
                ctx,
                Jobs.job(model, prompt, size, clip, upload == null ? null : upload.content()),
                "video_" + Ids.hex(16));
        jobs.respond(ctx, 202, object(video, seconds, fps, format));
        // The requested duration, fps and format are not kept by the store: later reads derive them.
    }

    private String size(Map<String, Object> fields) {
        String size = Fields.text(fields, "size");
        boolean w = fields.containsKey("width");
        boolean h = fields.containsKey("height");
        if (w != h) {
            throw error(400, "BadRequestError", "width and height must be given together");
        }
        String chosen = size == null || size.equals("auto")
                ? (w ? Fields.text(fields, "width") + "x" + Fields.text(fields, "height") : DEFAULT_SIZE)
                : size;
        if (!Fields.renderableSize(chosen)) {
            throw error(400, "BadRequestError", "Invalid size '" + chosen + "': expected WIDTHxHEIGHT or 'auto'.");
        }
        return chosen;
    }

    private Double number(Map<String, Object> fields, String name, double above, double atMost) {
        String raw = Fields.text(fields, name);
        if (raw == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw);
            if (!(v > above && v <= atMost)) {
                throw error(
                        400,
                        "BadRequestError",
                        name + " must be in (" + (int) above + ", " + (int) atMost + "], got " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(400, "BadRequestError", name + " must be a number, got '" + raw + "'");
        }
    }

    private void list(Context ctx) {
        List<Object> data = new ArrayList<>();
        for (StoredVideo v : jobs.all()) {
            data.add(object(v, Double.valueOf(v.seconds()), DEFAULT_FPS, null));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("object", "list");
        jobs.respond(ctx, 200, out);
    }

    private void retrieve(Context ctx) {
        StoredVideo v = require(ctx);
        jobs.respond(ctx, 200, object(v, Double.valueOf(v.seconds()), DEFAULT_FPS, null));
    }

    private void delete(Context ctx) {
        jobs.delete(require(ctx).id());
        jobs.respond(ctx, 200, Map.of("deleted", true));
    }

    private void content(Context ctx) throws IOException {
        StoredVideo video = require(ctx);
        String status = status(jobs.view(video));
        if (!status.equals("completed")) {
            throw error(400, "BadRequestError", "Video " + video.id() + " is not ready (status: " + status + ")");
        }
        jobs.sendMedia(ctx, video, MediaFiles.VIDEO, "video/mp4", "attachment; filename=\"" + video.id() + "_0.mp4\"");
    }

    private StoredVideo require(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> error(404, "NotFoundError", "Video " + id + " not found"));
    }

    /** Model inference for the first four fifths of the run, then encoding and writing. */
    private static String status(Timeline.View view) {
        if (!view.status().equals("in_progress")) {
            return view.status();
        }
        return view.progress() < 80 ? "generating" : "postprocessing";
    }

    private Map<String, Object> object(StoredVideo v, Double seconds, double fps, String format) {
        Timeline.View view = jobs.view(v);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("completed_at", view.completedAt());
        out.put("created_at", v.createdAtMs() / 1000);
        out.put("error", view.error() == null ? null : view.error().get("message"));
        out.put("expires_at", null);
        out.put("id", v.id());
        out.put("model", v.model());
        out.put("object", "video");
        out.put("progress", null);
        out.put("prompt", v.prompt());
        out.put("status", status(view));
        out.put("duration", seconds);
        out.put("fps", fps);
        out.put("size", v.size());
        out.put("response_format", format);
        return out;
    }

    @Override
    protected Object errorBody(ApiError e) {
        return envelope(e.status(), e.status() == 404 ? "NotFoundError" : "BadRequestError", e.getMessage());
    }

    private static ProviderError error(int status, String type, String message) {
        return new ProviderError(status, envelope(status, type, message));
    }

    /** The flat, old-vLLM error shape. */
    private static Map<String, Object> envelope(int status, String type, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "error");
        out.put("message", message);
        out.put("type", status >= 500 ? "InternalServerError" : type);
        out.put("param", null);
        out.put("code", status);
        return out;
    }
}
