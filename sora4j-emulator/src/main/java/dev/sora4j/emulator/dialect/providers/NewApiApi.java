package dev.sora4j.emulator.dialect.providers;

import dev.sora4j.emulator.dialect.Fields;
import dev.sora4j.emulator.dialect.Jobs;
import dev.sora4j.emulator.dialect.ProviderApi;
import dev.sora4j.emulator.dialect.ProviderError;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Content;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.jobs.JobScheduler;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.store.Ids;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new-api gateway (providers.md §7), Go/gin: Bearer token; create as JSON or form with
 * {@code seconds} (string) or {@code duration} (int), {@code size}, {@code model} = a channel model name
 * (any name, as a gateway with a catch-all channel); retrieve also on the legacy
 * {@code /v1/video/generations/{task_id}}; remix; content proxied. Objects omit empty fields, carry
 * {@code task_id} (= {@code id}) and {@code metadata.url}, progress in steps of 10, and
 * {@code completed_at} = the task's last update, present while running. No list, delete, edits,
 * extensions or characters: gin's relay answers {@code 404 Invalid URL (METHOD PATH)}. UNCERTAIN
 * choices: the {@code task_} id shape, the auth wording ({@code new_api_error}), content before
 * completion as 400. Not emulated: upstream channel selection, quotas, millisecond timestamps.
 */
public final class NewApiApi extends ProviderApi {
    public NewApiApi(Jobs jobs) {
        super(jobs);
    }

    @Override
    public String basePath() {
        return "/v1";
    }

    @Override
    public boolean methodNotAllowedOnKnownPaths() {
        return false;
    }

    @Override
    protected void registerAt(RoutesConfig routes, String prefix) {
        routes.post(prefix + "/videos", this::create);
        routes.post(prefix + "/video/generations", this::create);
        routes.get(prefix + "/videos/{id}", this::retrieve);
        routes.get(prefix + "/video/generations/{id}", this::retrieve);
        routes.get(prefix + "/videos/{id}/content", this::content);
        routes.post(prefix + "/videos/{id}/remix", this::remix);
    }

    @Override
    public void authenticate(Context ctx) {
        if (bearer(ctx) == null) {
            // UNCERTAIN wording: new-api's token middleware ("no token provided").
            throw new ProviderError(401, envelope("未提供令牌", "new_api_error"));
        }
    }

    private void create(Context ctx) {
        Map<String, Object> fields = new LinkedHashMap<>();
        RequestFields.Upload upload = null;
        if (String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded")) {
            ctx.formParamMap().forEach((k, v) -> fields.put(k, v.isEmpty() ? null : v.get(0)));
        } else {
            RequestFields form = jobs.form(ctx);
            fields.putAll(form.fields());
            upload = form.upload("input_reference");
        }
        String prompt = Fields.text(fields, "prompt");
        if (prompt == null || prompt.isBlank()) {
            throw error(400, "prompt is required");
        }
        String model = Fields.text(fields, "model") == null ? "sora-2" : Fields.text(fields, "model");
        String seconds = Fields.text(fields, "seconds") != null
                ? Fields.text(fields, "seconds")
                : Fields.text(fields, "duration") != null ? Fields.text(fields, "duration") : "4";
        if (!Fields.positiveDigits(seconds) || Integer.parseInt(seconds) > 60) {
            throw error(400, "invalid seconds/duration: " + seconds);
        }
        String size = Fields.text(fields, "size") == null ? "720x1280" : Fields.text(fields, "size");
        if (!Fields.renderableSize(size)) {
            throw error(400, "invalid size: " + size);
        }
        StoredVideo video = jobs.start(
                ctx,
                Jobs.job(model, prompt, size, Integer.parseInt(seconds), upload == null ? null : upload.content()),
                "task_" + Ids.hex(16));
        jobs.respond(ctx, 200, object(ctx, video));
    }

    private void retrieve(Context ctx) {
        jobs.respond(ctx, 200, object(ctx, require(ctx)));
    }

    private void remix(Context ctx) throws IOException {
        StoredVideo source = require(ctx);
        if (!jobs.view(source).status().equals("completed")) {
            throw error(400, "task " + source.id() + " is not completed");
        }
        String prompt = jobs.form(ctx).text("prompt");
        if (prompt == null || prompt.isBlank()) {
            throw error(400, "prompt is required");
        }
        JobScheduler.NewJob job = new JobScheduler.NewJob(
                source.model(),
                prompt,
                source.size(),
                source.seconds(),
                null,
                List.of(),
                source.id(),
                new StoredVideo.Derivation(StoredVideo.Derivation.REMIX, source.id(), 0, 0),
                Map.of(MediaFiles.SOURCE, Content.of(jobs.videoPath(source))),
                null);
        jobs.respond(ctx, 200, object(ctx, jobs.start(ctx, job, "task_" + Ids.hex(16))));
    }

    private void content(Context ctx) throws IOException {
        StoredVideo video = require(ctx);
        String status = jobs.view(video).status();
        if (!status.equals("completed")) {
            throw error(400, "task is not completed yet, status: " + status);
        }
        jobs.sendMedia(ctx, video, MediaFiles.VIDEO, "video/mp4", null);
    }

    private StoredVideo require(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> error(404, "task_not_exist"));
    }

    /** The OpenAI-like video of new-api's task DTO; empty fields are omitted (Go {@code omitempty}). */
    private Map<String, Object> object(Context ctx, StoredVideo v) {
        Timeline.View view = jobs.view(v);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", v.id());
        out.put("task_id", v.id());
        out.put("object", "video");
        out.put("model", v.model());
        out.put("status", view.status());
        int progress = view.progress() / 10 * 10;
        if (progress > 0) {
            out.put("progress", progress);
        }
        out.put("created_at", v.createdAtMs() / 1000);
        // The task's last update time, filled in while the task still runs.
        long updated = view.completedAt() != null
                ? view.completedAt()
                : view.status().equals("queued") ? v.createdAtMs() / 1000 : jobs.nowMs() / 1000;
        out.put("completed_at", updated);
        if (view.expiresAt() != null) {
            out.put("expires_at", view.expiresAt());
        }
        out.put("seconds", v.seconds());
        out.put("size", v.size());
        if (v.remixedFromVideoId() != null) {
            out.put("remixed_from_video_id", v.remixedFromVideoId());
        }
        if (view.error() != null) {
            out.put(
                    "error",
                    Map.of(
                            "message",
                            view.error().get("message"),
                            "code",
                            view.error().get("code")));
        }
        if (view.status().equals("completed")) {
            String url = ctx.scheme() + "://" + ctx.host() + basePath() + "/videos/" + v.id() + "/content";
            out.put("metadata", Map.of("url", url));
        }
        return out;
    }

    @Override
    protected Object errorBody(ApiError e) {
        return envelope(e.getMessage(), "new_api_error");
    }

    @Override
    protected Object notFoundBody(Context ctx) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", "Invalid URL (" + ctx.method() + " " + ctx.path() + ")");
        inner.put("type", "invalid_request_error");
        inner.put("param", "");
        inner.put("code", "");
        return Map.of("error", inner);
    }

    private static ProviderError error(int status, String message) {
        return new ProviderError(status, envelope(message, "new_api_error"));
    }

    private static Map<String, Object> envelope(String message, String type) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("message", message);
        inner.put("type", type);
        return Map.of("error", inner);
    }
}
