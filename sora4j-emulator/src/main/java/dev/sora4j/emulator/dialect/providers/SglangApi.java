package dev.sora4j.emulator.dialect.providers;

import dev.sora4j.emulator.dialect.Fields;
import dev.sora4j.emulator.dialect.Jobs;
import dev.sora4j.emulator.dialect.ProviderApi;
import dev.sora4j.emulator.dialect.ProviderError;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * SGLang's diffusion server (providers.md §3): no auth; create as JSON (permissive, {@code extra_body}
 * merged) or multipart ({@code prompt} required; the newer builds', which no longer require an
 * {@code input_reference} file); {@code seconds} an integer (strings coerced), {@code fps},
 * {@code num_frames}; {@code model} echoed, {@code "sora-2"} when omitted. UUID ids; {@code queued} for
 * the whole render, then {@code completed}/{@code failed} (the upstream versions read; one variant's
 * {@code processing} is not reproduced); progress 0 then 100; FastAPI errors {@code {"detail": ...}};
 * content 404 until done, {@code variant} ignored; list {@code {data, object}} only; delete answers the
 * job with {@code status: "deleted"} without stopping the render; no remix/edits/extensions/characters.
 * Not emulated: cloud-storage {@code url}, session/stream routes.
 */
public final class SglangApi extends ProviderApi {
    private static final String DEFAULT_SIZE = "1280x720";
    private static final int DEFAULT_FPS = 24;

    public SglangApi(Jobs jobs) {
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
        Map<String, Object> fields = new LinkedHashMap<>();
        RequestFields.Upload upload = null;
        try {
            RequestFields form = jobs.form(ctx);
            fields.putAll(form.fields());
            upload = form.upload("input_reference");
        } catch (ApiError e) {
            throw detail(400, "Invalid request body: " + e.getMessage());
        }
        for (String extra : List.of("extra_body", "extra_json")) {
            if (fields.remove(extra) instanceof Map<?, ?> m) {
                m.forEach((k, v) -> fields.put(String.valueOf(k), v));
            }
        }
        String prompt = Fields.text(fields, "prompt");
        if (prompt == null || prompt.isEmpty()) {
            throw multipart
                    ? detail(400, "prompt is required")
                    : detail(
                            400,
                            "Invalid request body: 1 validation error for VideoGenerationsRequest\nprompt\n"
                                    + "  Field required [type=missing, input_value={...}, input_type=dict]");
        }
        String model = Fields.text(fields, "model") == null ? "sora-2" : Fields.text(fields, "model");
        String size = Fields.text(fields, "size") == null ? DEFAULT_SIZE : Fields.text(fields, "size");
        if (!Fields.renderableSize(size)) {
            throw detail(400, "Invalid size '" + size + "': expected WIDTHxHEIGHT with even sides.");
        }
        int fps = integer(fields, "fps", DEFAULT_FPS, multipart);
        int seconds = integer(fields, "seconds", 4, multipart);
        int frames = integer(fields, "num_frames", fps * seconds, multipart);
        int clip = Fields.secondsOf(frames, fps);
        StoredVideo video = jobs.start(
                ctx,
                Jobs.job(model, prompt, size, clip, upload == null ? null : upload.content()),
                UUID.randomUUID().toString());
        jobs.respond(ctx, 200, object(video, null));
    }

    private int integer(Map<String, Object> fields, String name, int dflt, boolean multipart) {
        String raw = Fields.text(fields, name);
        if (raw == null || raw.isEmpty()) {
            return dflt;
        }
        try {
            int v = (int) Math.round(Double.parseDouble(raw));
            if (v <= 0) {
                throw detail(400, "Invalid request body: " + name + " must be positive, got " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            if (multipart) {
                List<Object> errors = List.of(Map.of(
                        "type",
                        "int_parsing",
                        "loc",
                        List.of("body", name),
                        "msg",
                        "Input should be a valid integer, unable to parse string as an integer",
                        "input",
                        raw));
                throw new ProviderError(422, Map.of("detail", errors));
            }
            throw detail(400, "Invalid request body: " + name + " is not a valid integer: " + raw);
        }
    }

    private void list(Context ctx) {
        int limit = 20;
        String rawLimit = ctx.queryParam("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) {
                List<Object> errors = List.of(Map.of(
                        "type",
                        "less_than_equal",
                        "loc",
                        List.of("query", "limit"),
                        "msg",
                        "Input should be between 1 and 100",
                        "input",
                        rawLimit));
                throw new ProviderError(422, Map.of("detail", errors));
            }
        }
        List<StoredVideo> all = new ArrayList<>(jobs.all());
        if (!"asc".equals(ctx.queryParam("order"))) {
            Collections.reverse(all);
        }
        String after = ctx.queryParam("after");
        int start = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(after)) {
                    start = i + 1;
                }
            }
        }
        List<Object> data = new ArrayList<>();
        for (StoredVideo v : all.subList(Math.min(start, all.size()), Math.min(all.size(), start + limit))) {
            data.add(object(v, null));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("object", "list");
        jobs.respond(ctx, 200, out);
    }

    private void retrieve(Context ctx) {
        jobs.respond(ctx, 200, object(require(ctx), null));
    }

    private void delete(Context ctx) {
        StoredVideo video = require(ctx);
        // The record goes; a running render is not stopped.
        Map<String, Object> out = object(video, "deleted");
        jobs.delete(video.id());
        jobs.respond(ctx, 200, out);
    }

    private void content(Context ctx) throws IOException {
        StoredVideo video = require(ctx);
        if (!jobs.view(video).status().equals("completed")) {
            throw detail(404, "Generation is still in-progress");
        }
        // `variant` is accepted and ignored.
        jobs.sendMedia(ctx, video, MediaFiles.VIDEO, "video/mp4", "attachment; filename=\"" + video.id() + ".mp4\"");
    }

    private StoredVideo require(Context ctx) {
        return jobs.find(ctx.pathParam("id")).orElseThrow(() -> detail(404, "Video not found"));
    }

    /** SGLang's {@code VideoResponse}: no prompt, {@code quality "standard"}, the output path exposed. */
    private Map<String, Object> object(StoredVideo v, String statusOverride) {
        Timeline.View view = jobs.view(v);
        String status = view.status().equals("in_progress") ? "queued" : view.status();
        boolean done = status.equals("completed");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", v.id());
        out.put("object", "video");
        out.put("model", v.model());
        out.put("status", statusOverride != null ? statusOverride : status);
        out.put("progress", done ? 100 : 0);
        out.put("created_at", v.createdAtMs() / 1000);
        out.put("size", v.size());
        out.put("seconds", v.seconds());
        out.put("quality", "standard");
        out.put("url", null);
        out.put("remixed_from_video_id", null);
        out.put("completed_at", view.completedAt());
        out.put("expires_at", null);
        out.put(
                "error",
                view.error() == null ? null : Map.of("message", view.error().get("message")));
        out.put("file_path", "/sgl-workspace/outputs/" + v.id() + ".mp4");
        out.put("peak_memory_mb", null);
        out.put("inference_time_s", done ? (v.plannedDoneAtMs() - v.queuedUntilMs()) / 1000.0 : null);
        return out;
    }

    @Override
    protected Object errorBody(ApiError e) {
        return Map.of("detail", e.getMessage());
    }

    private static ProviderError detail(int status, String message) {
        return new ProviderError(status, Map.of("detail", message));
    }
}
