package dev.sora4j.emulator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.faults.RateLimiter;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.FaultFlags;
import dev.sora4j.emulator.http.Pages;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.http.Responses;
import dev.sora4j.emulator.http.ThrottledInputStream;
import dev.sora4j.emulator.jobs.JobScheduler;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.jobs.VideoCreation;
import dev.sora4j.emulator.jobs.VideoJson;
import dev.sora4j.emulator.render.RenderQueue;
import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import dev.sora4j.emulator.store.VideoStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /v1/videos} routes: create, list, retrieve, delete and content. */
public final class VideoRoutes implements RouteGroup {
    private static final List<String> VARIANTS = List.of("video", "thumbnail", "spritesheet");
    private static final Map<String, String> VARIANT_FILES =
            Map.of("video", MediaFiles.VIDEO, "thumbnail", MediaFiles.THUMBNAIL, "spritesheet", MediaFiles.SPRITESHEET);
    private static final Map<String, String> VARIANT_TYPES =
            Map.of("video", "video/mp4", "thumbnail", "image/webp", "spritesheet", "image/jpeg");

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final EmulatorConfig config;
    private final VideoStore store;
    private final VideoCreation creation;
    private final RenderQueue renders;
    private final JobScheduler scheduler;
    private final RateLimiter limiter;
    private final Timeline timeline;
    private final VideoJson presenter;
    private final ObjectMapper json;
    private final Bodies bodies;
    private final Clock clock;

    public VideoRoutes(
            EmulatorConfig config,
            VideoStore store,
            VideoCreation creation,
            RenderQueue renders,
            JobScheduler scheduler,
            RateLimiter limiter,
            VideoJson presenter,
            ObjectMapper json) {
        this.config = config;
        this.store = store;
        this.creation = creation;
        this.renders = renders;
        this.scheduler = scheduler;
        this.limiter = limiter;
        this.json = json;
        this.bodies = new Bodies(config, json);
        this.clock = config.clock();
        this.timeline = new Timeline(config.timeline().assetTtl());
        this.presenter = presenter;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/videos", this::create);
        routes.get("/v1/videos", this::list);
        routes.get("/v1/videos/{id}", this::retrieve);
        routes.delete("/v1/videos/{id}", this::delete);
        routes.get("/v1/videos/{id}/content", this::content);
    }

    private void create(Context ctx) {
        RequestFields body = bodies.parse(ctx);
        RequestFields.Upload upload = body.upload("input_reference");
        JobScheduler.NewJob job = creation.prepare(body.fields(), upload, null);
        limiter.acquire(ctx, job.model());
        StoredVideo video = scheduler.schedule(job, FaultFlags.isSet(ctx, FaultFlags.FAIL_JOB));
        respond(ctx, presenter.of(video, clock.millis()));
    }

    private void list(Context ctx) {
        long now = clock.millis();
        respond(ctx, Pages.page(ctx, store.all(), StoredVideo::id, v -> presenter.of(v, now), 20, 100, "desc"));
    }

    private void retrieve(Context ctx) {
        StoredVideo video = store.require(ctx.pathParam("id"), "video_id");
        long now = clock.millis();
        Timeline.View view = timeline.view(video, now);
        if (!view.terminal()) {
            // Media may be missing when the process that created the job exited before rendering it.
            renders.submit(video);
            ctx.header("openai-poll-after-ms", "1000");
        }
        respond(ctx, presenter.of(video, now));
    }

    private void delete(Context ctx) {
        StoredVideo video = store.require(ctx.pathParam("id"), "video_id");
        Timeline.View view = timeline.view(video, clock.millis());
        if (!view.terminal()) {
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    "video_id",
                    "video_not_finished",
                    "Video '" + video.id() + "' is " + view.status()
                            + "; only completed or failed videos can be deleted. Wait for it to finish, then retry.");
        }
        store.delete(video.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", video.id());
        out.put("object", "video.deleted");
        out.put("deleted", true);
        respond(ctx, out);
    }

    private void content(Context ctx) throws IOException {
        String variant = ctx.queryParam("variant") == null ? "video" : ctx.queryParam("variant");
        if (!VARIANTS.contains(variant)) {
            throw ApiError.invalidValue("variant", variant, VARIANTS);
        }
        StoredVideo video = store.require(ctx.pathParam("id"), "video_id");
        long now = clock.millis();
        Timeline.View view = timeline.view(video, now);
        if (!view.status().equals("completed")) {
            if (!view.terminal()) {
                renders.submit(video);
            }
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    "video_id",
                    "video_not_ready",
                    "Video '" + video.id() + "' is " + view.status()
                            + "; content is available only after the video completes.");
        }
        if (now / 1000 >= view.expiresAt()) {
            throw new ApiError(
                    410,
                    "invalid_request_error",
                    "video_id",
                    "video_expired",
                    "The assets of video '" + video.id() + "' expired at " + view.expiresAt() + ".");
        }
        Path file = store.mediaDir(video.id()).resolve(VARIANT_FILES.get(variant));
        long size = Files.size(file);
        InputStream in = Files.newInputStream(file);
        if (config.limits().contentBytesPerSecond() > 0) {
            in = new ThrottledInputStream(in, config.limits().contentBytesPerSecond());
        }
        // Bytes go out as stored, with their exact length: never re-encoded by response compression.
        ctx.disableCompression();
        boolean truncate = FaultFlags.isSet(ctx, FaultFlags.TRUNCATE);
        if (truncate || FaultFlags.isSet(ctx, FaultFlags.RESET_AFTER_HEADERS)) {
            // Declare the whole length, send part of it, then drop the connection: a cut download.
            Responses.cutShort(ctx, in, VARIANT_TYPES.get(variant), size, truncate ? size / 2 : Math.min(size, 1024));
            return;
        }
        Matcher range = ctx.header("Range") == null
                ? null
                : RANGE.matcher(ctx.header("Range").strip());
        if (range != null && range.matches()) {
            // The whole remainder (or the asked slice), as file servers and CDNs answer an open range.
            // Numbers too long for a long are past any asset's end: unsatisfiable, not a crash.
            long from = parseOrMax(range.group(1));
            long to = range.group(2).isEmpty() ? size - 1 : Math.min(size - 1, parseOrMax(range.group(2)));
            if (from >= size || from > to) {
                in.close();
                ctx.header("Content-Range", "bytes */" + size);
                throw new ApiError(
                        416,
                        "invalid_request_error",
                        "range",
                        "range_not_satisfiable",
                        "Range '" + ctx.header("Range") + "' is outside the " + size + " bytes of this asset.");
            }
            in.skipNBytes(from);
            ctx.status(206);
            ctx.contentType(VARIANT_TYPES.get(variant));
            ctx.header("Content-Range", "bytes " + from + "-" + to + "/" + size);
            ctx.header("Content-Length", Long.toString(to - from + 1));
            ctx.header("Accept-Ranges", "bytes");
            ctx.result(
                    to == size - 1
                            ? in
                            : new java.io.FilterInputStream(in) {
                                private long left = to - from + 1;

                                @Override
                                public int read() throws IOException {
                                    return left-- > 0 ? super.read() : -1;
                                }

                                @Override
                                public int read(byte[] b, int off, int len) throws IOException {
                                    if (left <= 0) {
                                        return -1;
                                    }
                                    int n = super.read(b, off, (int) Math.min(len, left));
                                    left -= Math.max(n, 0);
                                    return n;
                                }
                            });
        } else {
            ctx.contentType(VARIANT_TYPES.get(variant));
            ctx.header("Content-Length", Long.toString(size));
            ctx.result(in);
        }
    }

    private void respond(Context ctx, Object body) {
        Responses.json(ctx, json, body);
    }

    private static long parseOrMax(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
