package dev.sora4j.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/** The {@code /v1/videos} routes: create, list, retrieve, delete and content. */
final class VideoRoutes {
    private static final Set<String> CREATE_FIELDS =
            Set.of("prompt", "model", "size", "seconds", "input_reference", "characters");
    private static final List<String> VARIANTS = List.of("video", "thumbnail", "spritesheet");
    private static final Map<String, String> VARIANT_FILES =
            Map.of("video", "video.mp4", "thumbnail", "thumbnail.webp", "spritesheet", "spritesheet.jpg");
    private static final Map<String, String> VARIANT_TYPES =
            Map.of("video", "video/mp4", "thumbnail", "image/webp", "spritesheet", "image/jpeg");

    private final EmulatorConfig config;
    private final VideoStore store;
    private final RenderQueue renders;
    private final Timeline timeline;
    private final EmulatorRules rules = new EmulatorRules();
    private final ObjectMapper json;
    private final Clock clock;

    VideoRoutes(EmulatorConfig config, VideoStore store, RenderQueue renders, ObjectMapper json) {
        this.config = config;
        this.store = store;
        this.renders = renders;
        this.json = json;
        this.clock = config.clock();
        this.timeline = new Timeline(config.assetTtl());
    }

    void create(Context ctx) {
        RequestFields body = RequestFields.parse(ctx, json, config.stateDir());
        for (String key : body.fields().keySet()) {
            if (!CREATE_FIELDS.contains(key)) {
                throw ApiError.invalidRequest(key, "Unrecognized request argument supplied: " + key);
            }
        }
        String prompt = rules.prompt(body.text("prompt"));
        String model = rules.model(body.text("model"));
        String size = rules.size(body.text("size"), model);
        String seconds = rules.seconds(body.text("seconds"));
        RequestFields.Upload upload = body.upload("input_reference");
        Map<String, String> reference = inputReference(body, upload, size);

        long now = clock.millis();
        long queuedUntil = now + scaled(config.queuedFor().toMillis());
        long render = config.renderBase().toMillis() + config.renderPerClipSecond().toMillis() * Long.parseLong(seconds);
        StoredVideo video = new StoredVideo(Ids.video(), model, prompt, size, seconds, now, queuedUntil,
                queuedUntil + scaled(render), null, null, null, null, reference);
        if (upload != null) {
            try {
                Path dir = store.mediaDir(video.id());
                Files.createDirectories(dir);
                Files.write(dir.resolve(RenderQueue.INPUT_REFERENCE_FILE), upload.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        store.save(video);
        renders.submit(video);
        respond(ctx, videoJson(video, now));
    }

    void list(Context ctx) {
        int limit = intParam(ctx, "limit", 20, 0, 100);
        String order = ctx.queryParam("order") == null ? "desc" : ctx.queryParam("order");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw ApiError.invalidValue("order", order, List.of("asc", "desc"));
        }
        List<StoredVideo> all = new ArrayList<>(store.all());
        if (order.equals("desc")) {
            java.util.Collections.reverse(all);
        }
        String after = ctx.queryParam("after");
        int start = 0;
        if (after != null && !after.isEmpty()) {
            start = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(after)) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                throw ApiError.invalidRequest("after", "Invalid 'after': no video with id '" + after + "'.");
            }
        }
        List<StoredVideo> page = all.subList(start, Math.min(all.size(), start + limit));
        long now = clock.millis();
        List<Object> data = new ArrayList<>();
        for (StoredVideo v : page) {
            data.add(videoJson(v, now));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", data);
        out.put("first_id", page.isEmpty() ? null : page.get(0).id());
        out.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id());
        out.put("has_more", start + page.size() < all.size());
        respond(ctx, out);
    }

    void retrieve(Context ctx) {
        StoredVideo video = find(ctx.pathParam("id"));
        long now = clock.millis();
        Timeline.View view = timeline.view(video, now);
        if (!view.terminal()) {
            // Media may be missing when the process that created the job exited before rendering it.
            renders.submit(video);
            ctx.header("openai-poll-after-ms", "1000");
        }
        respond(ctx, videoJson(video, now));
    }

    void delete(Context ctx) {
        StoredVideo video = find(ctx.pathParam("id"));
        Timeline.View view = timeline.view(video, clock.millis());
        if (!view.terminal()) {
            throw new ApiError(400, "invalid_request_error", "video_id", "video_not_finished",
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

    void content(Context ctx) throws IOException {
        String variant = ctx.queryParam("variant") == null ? "video" : ctx.queryParam("variant");
        if (!VARIANTS.contains(variant)) {
            throw ApiError.invalidValue("variant", variant, VARIANTS);
        }
        StoredVideo video = find(ctx.pathParam("id"));
        long now = clock.millis();
        Timeline.View view = timeline.view(video, now);
        if (!view.status().equals("completed")) {
            if (!view.terminal()) {
                renders.submit(video);
            }
            throw new ApiError(400, "invalid_request_error", "video_id", "video_not_ready",
                    "Video '" + video.id() + "' is " + view.status()
                            + "; content is available only after the video completes.");
        }
        if (now / 1000 >= view.expiresAt()) {
            throw new ApiError(410, "invalid_request_error", "video_id", "video_expired",
                    "The assets of video '" + video.id() + "' expired at " + view.expiresAt() + ".");
        }
        Path file = store.mediaDir(video.id()).resolve(VARIANT_FILES.get(variant));
        long size = Files.size(file);
        InputStream in = Files.newInputStream(file);
        if (config.contentBytesPerSecond() > 0) {
            in = new ThrottledInputStream(in, config.contentBytesPerSecond());
        }
        if (ctx.header("Range") != null) {
            ctx.writeSeekableStream(in, VARIANT_TYPES.get(variant), size);
        } else {
            ctx.contentType(VARIANT_TYPES.get(variant));
            ctx.header("Content-Length", Long.toString(size));
            ctx.result(in);
        }
    }

    private Map<String, String> inputReference(RequestFields body, RequestFields.Upload upload, String size) {
        Object field = body.fields().get("input_reference");
        if (upload != null) {
            if (field != null) {
                throw ApiError.invalidRequest("input_reference", "Provide input_reference either as a file or as an object, not both.");
            }
            checkImage(upload, size);
            return Map.of("upload", upload.filename());
        }
        if (field == null) {
            return null;
        }
        if (!(field instanceof Map<?, ?> map)) {
            throw ApiError.invalidRequest("input_reference",
                    "Invalid 'input_reference': expected an object with file_id or image_url, or an uploaded image file.");
        }
        Object fileId = map.get("file_id");
        Object imageUrl = map.get("image_url");
        if ((fileId == null) == (imageUrl == null) || map.size() != 1) {
            throw ApiError.invalidRequest("input_reference",
                    "Invalid 'input_reference': provide exactly one of 'file_id' or 'image_url'.");
        }
        return fileId != null ? Map.of("file_id", String.valueOf(fileId)) : Map.of("image_url", String.valueOf(imageUrl));
    }

    private static void checkImage(RequestFields.Upload upload, String size) {
        byte[] b = upload.bytes();
        boolean jpeg = b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
        boolean png = b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean webp = b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B';
        if (!jpeg && !png && !webp) {
            throw ApiError.invalidRequest("input_reference",
                    "Invalid 'input_reference': unsupported image format. Supported formats are image/jpeg, image/png and image/webp.");
        }
        if (webp) {
            return;
        }
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(b));
            String actual = img == null ? null : img.getWidth() + "x" + img.getHeight();
            if (actual != null && !actual.equals(size)) {
                throw ApiError.invalidRequest("input_reference", "Invalid 'input_reference': the image is " + actual
                        + " but the requested size is " + size + ". The reference image must match the video size.");
            }
        } catch (IOException e) {
            throw ApiError.invalidRequest("input_reference", "Invalid 'input_reference': the image could not be decoded.");
        }
    }

    private StoredVideo find(String id) {
        return store.find(id).orElseThrow(() -> new ApiError(404, "invalid_request_error", "video_id", null,
                "Video with id '" + id + "' not found."));
    }

    private Map<String, Object> videoJson(StoredVideo v, long nowMs) {
        Timeline.View view = timeline.view(v, nowMs);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", v.id());
        out.put("object", "video");
        out.put("model", v.model());
        out.put("status", view.status());
        out.put("progress", view.progress());
        out.put("created_at", v.createdAtMs() / 1000);
        out.put("completed_at", view.completedAt());
        out.put("expires_at", view.expiresAt());
        out.put("prompt", v.prompt());
        out.put("size", v.size());
        out.put("seconds", v.seconds());
        out.put("remixed_from_video_id", v.remixedFromVideoId());
        out.put("error", view.error());
        return out;
    }

    private long scaled(long millis) {
        return Math.round(millis / config.speed());
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return dflt;
        }
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiError.invalidRequest(name, "Invalid '" + name + "': expected an integer, got '" + raw + "'.");
        }
        if (value < min || value > max) {
            throw ApiError.invalidRequest(name, "Invalid '" + name + "': expected a value between " + min + " and "
                    + max + ", but got " + value + " instead.");
        }
        return value;
    }

    private void respond(Context ctx, Object body) {
        try {
            ctx.contentType("application/json");
            ctx.result(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
