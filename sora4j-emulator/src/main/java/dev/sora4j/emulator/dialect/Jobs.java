package dev.sora4j.emulator.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.faults.RateLimiter;
import dev.sora4j.emulator.http.BodyLimits;
import dev.sora4j.emulator.http.Content;
import dev.sora4j.emulator.http.FaultFlags;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.jobs.JobScheduler;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.jobs.VideoCreation;
import dev.sora4j.emulator.jobs.VideoJson;
import dev.sora4j.emulator.render.RenderQueue;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import dev.sora4j.emulator.store.VideoStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every dialect needs from the emulator's core: create a job on the timeline, see it at the
 * current instant, list, delete and stream its media. Shapes are left to the dialects.
 */
public final class Jobs {
    private final EmulatorConfig config;
    private final VideoStore store;
    private final VideoCreation creation;
    private final RenderQueue renders;
    private final JobScheduler scheduler;
    private final RateLimiter limiter;
    private final VideoJson openAiJson;
    private final Timeline timeline;
    private final ObjectMapper json;
    private final BodyLimits limits;

    public Jobs(
            EmulatorConfig config,
            VideoStore store,
            VideoCreation creation,
            RenderQueue renders,
            JobScheduler scheduler,
            RateLimiter limiter,
            VideoJson openAiJson,
            ObjectMapper json,
            BodyLimits limits) {
        this.config = config;
        this.limits = limits;
        this.store = store;
        this.creation = creation;
        this.renders = renders;
        this.scheduler = scheduler;
        this.limiter = limiter;
        this.openAiJson = openAiJson;
        this.timeline = new Timeline(config.timeline().assetTtl());
        this.json = json;
    }

    public long nowMs() {
        return config.clock().millis();
    }

    public ObjectMapper json() {
        return json;
    }

    /** The body of a create as JSON or multipart (an empty map for an empty body). */
    public RequestFields form(Context ctx) {
        return RequestFields.parse(ctx, json, config.stateDir(), limits);
    }

    /** OpenAI's validation of a create body (for dialects whose backend is OpenAI's service). */
    public JobScheduler.NewJob openAiJob(Map<String, Object> fields, RequestFields.Upload upload) {
        return creation.prepare(fields, upload, null);
    }

    /** A job from fields a dialect has validated itself; {@code firstFrame} may be null. */
    public static JobScheduler.NewJob job(String model, String prompt, String size, int seconds, Content firstFrame) {
        Map<String, Content> media = firstFrame == null ? Map.of() : Map.of(MediaFiles.INPUT_REFERENCE, firstFrame);
        Map<String, String> reference = firstFrame == null ? null : Map.of("upload", "input_reference");
        return new JobScheduler.NewJob(
                model, prompt, size, Integer.toString(seconds), reference, List.of(), null, null, media, null);
    }

    /** Counts the request against the model's rate limit and starts the job under {@code id}. */
    public StoredVideo start(Context ctx, JobScheduler.NewJob job, String id) {
        limiter.acquire(ctx, job.model());
        return scheduler.schedule(job, FaultFlags.isSet(ctx, FaultFlags.FAIL_JOB), id);
    }

    /** The job, with its render resubmitted if it is still running (another process may have died). */
    public Optional<StoredVideo> find(String id) {
        Optional<StoredVideo> video = store.find(id);
        video.filter(v -> !view(v).terminal()).ifPresent(renders::submit);
        return video;
    }

    public Timeline.View view(StoredVideo video) {
        return timeline.view(video, nowMs());
    }

    /** Whether the completed job's assets have lapsed. */
    public boolean expired(StoredVideo video) {
        Timeline.View view = view(video);
        return view.expiresAt() != null && nowMs() / 1000 >= view.expiresAt();
    }

    /** OpenAI's wire object of the job (the spec's 13 fields). */
    public Map<String, Object> openAiObject(StoredVideo video) {
        return openAiJson.of(video, nowMs());
    }

    /** Every job, oldest first. */
    public List<StoredVideo> all() {
        return store.all();
    }

    public void delete(String id) {
        store.delete(id);
    }

    /** Streams the job's MP4 (or another media file) with its exact length. */
    public void sendMedia(Context ctx, StoredVideo video, String file, String contentType, String disposition)
            throws IOException {
        Path path = store.mediaDir(video.id()).resolve(file);
        ctx.disableCompression();
        ctx.contentType(contentType);
        if (disposition != null) {
            ctx.header("Content-Disposition", disposition);
        }
        ctx.header("Content-Length", Long.toString(Files.size(path)));
        ctx.result(Files.newInputStream(path));
    }

    /** Where the job's MP4 lives on disk (TRT-LLM's {@code response_format: path} exposes it). */
    public Path videoPath(StoredVideo video) {
        return store.mediaDir(video.id()).resolve(MediaFiles.VIDEO);
    }

    /** Writes {@code body} as JSON with {@code status}. */
    public void respond(Context ctx, int status, Object body) {
        try {
            ctx.status(status);
            ctx.contentType("application/json");
            ctx.result(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
