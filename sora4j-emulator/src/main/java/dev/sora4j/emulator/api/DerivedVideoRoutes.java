package dev.sora4j.emulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.faults.RateLimiter;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Content;
import dev.sora4j.emulator.http.FaultFlags;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.http.Responses;
import dev.sora4j.emulator.jobs.EmulatorRules;
import dev.sora4j.emulator.jobs.JobScheduler;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.jobs.VideoJson;
import dev.sora4j.emulator.render.MediaProbe;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import dev.sora4j.emulator.store.VideoStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jobs made from another video: {@code POST /videos/edits}, {@code POST /videos/extensions} and the
 * legacy {@code POST /videos/{id}/remix}. The source's MP4 is copied into the new job at request
 * time, so deleting the source later cannot break the render.
 */
public final class DerivedVideoRoutes implements RouteGroup {
    private static final Set<String> EDIT_FIELDS = Set.of("prompt", "video", "model");
    private static final Set<String> EXTENSION_FIELDS = Set.of("prompt", "video", "seconds");
    private static final Set<String> REMIX_FIELDS = Set.of("prompt");

    private final EmulatorConfig config;
    private final VideoStore store;
    private final JobScheduler scheduler;
    private final RateLimiter limiter;
    private final Timeline timeline;
    private final VideoJson presenter;
    private final EmulatorRules rules;
    private final ObjectMapper json;
    private final Bodies bodies;
    private final Clock clock;

    public DerivedVideoRoutes(
            EmulatorConfig config,
            VideoStore store,
            JobScheduler scheduler,
            RateLimiter limiter,
            VideoJson presenter,
            ObjectMapper json) {
        this.config = config;
        this.store = store;
        this.scheduler = scheduler;
        this.limiter = limiter;
        this.json = json;
        this.bodies = new Bodies(config, json);
        this.clock = config.clock();
        this.timeline = new Timeline(config.timeline().assetTtl());
        this.presenter = presenter;
        this.rules = new EmulatorRules(config.limits().profile());
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/videos/edits", this::edit);
        routes.post("/v1/videos/extensions", this::extend);
        routes.post("/v1/videos/{id}/remix", this::remix);
    }

    /** Counts the request against its model's rate limit, then creates the job. */
    private void start(Context ctx, JobScheduler.NewJob job) {
        limiter.acquire(ctx, job.model());
        respond(ctx, presenter.of(scheduler.schedule(job, FaultFlags.isSet(ctx, FaultFlags.FAIL_JOB)), clock.millis()));
    }

    private void edit(Context ctx) {
        RequestFields body = bodies.parse(ctx);
        RequestFields.Upload upload = body.upload("video");
        onlyFields(body, EDIT_FIELDS, "an edit");
        String prompt = rules.prompt(body.text("prompt"));
        StoredVideo.Derivation derivation;
        JobScheduler.NewJob job;
        if (upload != null) {
            // An uploaded source has no model to inherit, so the request must name one.
            if (body.text("model") == null) {
                throw ApiError.invalidRequest(
                        "model",
                        "Missing required parameter: 'model' (required when the " + "source video is uploaded).");
            }
            String model = rules.model(body.text("model"));
            MediaProbe.Info info =
                    MediaProbe.mp4(upload.content(), "video", config.stateDir().resolve("tmp"));
            int seconds = (int) Math.max(1, Math.round(info.seconds()));
            derivation = new StoredVideo.Derivation(StoredVideo.Derivation.EDIT, null, 0, 0);
            job = new JobScheduler.NewJob(
                    model,
                    prompt,
                    info.evenSize(),
                    Integer.toString(seconds),
                    null,
                    List.of(),
                    null,
                    derivation,
                    Map.of(MediaFiles.SOURCE, upload.content()),
                    null);
        } else {
            StoredVideo source = completedSource(videoId(body), "video");
            derivation = new StoredVideo.Derivation(StoredVideo.Derivation.EDIT, source.id(), 0, 0);
            job = new JobScheduler.NewJob(
                    source.model(),
                    prompt,
                    source.size(),
                    source.seconds(),
                    null,
                    List.of(),
                    null,
                    derivation,
                    Map.of(MediaFiles.SOURCE, sourceMedia(source)),
                    null);
        }
        start(ctx, job);
    }

    private void extend(Context ctx) {
        RequestFields body = bodies.parse(ctx);
        for (String forbidden : List.of("characters", "input_reference")) {
            if (body.fields().containsKey(forbidden) || body.upload(forbidden) != null) {
                throw ApiError.invalidRequest(
                        forbidden,
                        "Invalid '" + forbidden + "': extensions accept only a source "
                                + "video, a prompt and seconds; characters and image references are not supported.");
            }
        }
        if (body.upload("video") != null) {
            throw ApiError.invalidRequest(
                    "video",
                    "Invalid 'video': extend a completed video by id ({\"id\": \"video_...\"}); "
                            + "this emulator does not extend uploaded files.");
        }
        onlyFields(body, EXTENSION_FIELDS, "an extension");
        String prompt = rules.prompt(body.text("prompt"));
        String add = rules.extensionSeconds(body.text("seconds"));
        StoredVideo source = completedSource(videoId(body), "video");
        rules.chain(source, Integer.parseInt(add));
        int total = Integer.parseInt(source.seconds()) + Integer.parseInt(add);
        StoredVideo.Derivation derivation = new StoredVideo.Derivation(
                StoredVideo.Derivation.EXTENSION,
                source.id(),
                source.extensionDepth() + 1,
                Integer.parseInt(source.seconds()));
        start(
                ctx,
                new JobScheduler.NewJob(
                        source.model(),
                        prompt,
                        source.size(),
                        Integer.toString(total),
                        null,
                        List.of(),
                        null,
                        derivation,
                        Map.of(MediaFiles.SOURCE, sourceMedia(source)),
                        null));
    }

    private void remix(Context ctx) {
        RequestFields body = bodies.parse(ctx);
        onlyFields(body, REMIX_FIELDS, "a remix");
        String prompt = rules.prompt(body.text("prompt"));
        StoredVideo source = completedSource(ctx.pathParam("id"), "video_id");
        StoredVideo.Derivation derivation = new StoredVideo.Derivation(StoredVideo.Derivation.REMIX, source.id(), 0, 0);
        start(
                ctx,
                new JobScheduler.NewJob(
                        source.model(),
                        prompt,
                        source.size(),
                        source.seconds(),
                        null,
                        List.of(),
                        source.id(),
                        derivation,
                        Map.of(MediaFiles.SOURCE, sourceMedia(source)),
                        null));
    }

    private static void onlyFields(RequestFields body, Set<String> allowed, String what) {
        for (String key : body.fields().keySet()) {
            if (!allowed.contains(key)) {
                throw ApiError.invalidRequest(
                        key,
                        "Unrecognized request argument supplied: " + key + " (" + what + " accepts "
                                + String.join(", ", allowed.stream().sorted().toList()) + ").");
            }
        }
    }

    private static String videoId(RequestFields body) {
        Object video = body.fields().get("video");
        if (video == null) {
            throw ApiError.missing("video");
        }
        Object id = video instanceof Map<?, ?> m ? m.get("id") : null;
        if (!(id instanceof String s) || s.isEmpty()) {
            throw ApiError.invalidRequest(
                    "video",
                    "Invalid 'video': expected an object like {\"id\": \"video_...\"} " + "or an uploaded MP4 file.");
        }
        return s;
    }

    private StoredVideo completedSource(String id, String param) {
        StoredVideo source = store.require(id, param);
        Timeline.View view = timeline.view(source, clock.millis());
        if (!view.status().equals("completed")) {
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    param,
                    "video_not_ready",
                    "Video '" + id + "' is " + view.status() + "; only a completed video can be used as a source.");
        }
        return source;
    }

    private Content sourceMedia(StoredVideo source) {
        Path file = store.mediaDir(source.id()).resolve(MediaFiles.VIDEO);
        if (!Files.isRegularFile(file)) {
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    "video",
                    "video_expired",
                    "The media of video '" + source.id() + "' is no longer available.");
        }
        return Content.of(file);
    }

    private void respond(Context ctx, Object body) {
        Responses.json(ctx, json, body);
    }
}
