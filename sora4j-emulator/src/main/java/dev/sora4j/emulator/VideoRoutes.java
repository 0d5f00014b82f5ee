package dev.sora4j.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
    private final CharacterStore characters;
    private final RenderQueue renders;
    private final JobScheduler scheduler;
    private final Timeline timeline;
    private final VideoJson presenter;
    private final EmulatorRules rules;
    private final ObjectMapper json;
    private final Clock clock;

    VideoRoutes(EmulatorConfig config, VideoStore store, CharacterStore characters, RenderQueue renders,
            JobScheduler scheduler, ObjectMapper json) {
        this.config = config;
        this.store = store;
        this.characters = characters;
        this.renders = renders;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = config.clock();
        this.timeline = new Timeline(config.assetTtl());
        this.presenter = new VideoJson(timeline);
        this.rules = new EmulatorRules(config.profile());
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
        List<String> characterIds = characterIds(body.fields().get("characters"));
        Map<String, byte[]> media = upload == null ? Map.of() : Map.of(RenderQueue.INPUT_REFERENCE_FILE, upload.bytes());
        StoredVideo video = scheduler.schedule(new JobScheduler.NewJob(model, prompt, size, seconds, reference,
                characterIds, null, null, media));
        respond(ctx, presenter.of(video, clock.millis()));
    }

    /** {@code characters}: at most two {@code {"id": "char_..."}} objects naming existing characters. */
    private List<String> characterIds(Object field) {
        if (field == null) {
            return List.of();
        }
        if (!(field instanceof List<?> list)) {
            throw ApiError.invalidRequest("characters", "Invalid 'characters': expected an array of objects like {\"id\": \"char_...\"}.");
        }
        if (list.size() > EmulatorRules.MAX_CHARACTERS) {
            throw ApiError.invalidRequest("characters", "Invalid 'characters': a video can include at most "
                    + EmulatorRules.MAX_CHARACTERS + " characters, but got " + list.size() + ".");
        }
        List<String> ids = new ArrayList<>();
        for (Object item : list) {
            Object id = item instanceof Map<?, ?> m ? m.get("id") : null;
            if (!(id instanceof String s) || s.isEmpty()) {
                throw ApiError.invalidRequest("characters", "Invalid 'characters': each item must be an object with a string 'id'.");
            }
            if (characters.find(s).isEmpty()) {
                throw ApiError.invalidRequest("characters", "Invalid 'characters': character '" + s + "' not found.");
            }
            ids.add(s);
        }
        return ids;
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
            data.add(presenter.of(v, now));
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

    void delete(Context ctx) {
        StoredVideo video = store.require(ctx.pathParam("id"), "video_id");
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
        StoredVideo video = store.require(ctx.pathParam("id"), "video_id");
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
        Responses.json(ctx, json, body);
    }
}
