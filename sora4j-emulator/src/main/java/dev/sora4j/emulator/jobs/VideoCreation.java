package dev.sora4j.emulator.jobs;

import dev.sora4j.emulator.config.Moderation;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Content;
import dev.sora4j.emulator.http.RequestFields;
import dev.sora4j.emulator.render.ImageProbe;
import dev.sora4j.emulator.screening.PeopleScreen;
import dev.sora4j.emulator.store.CharacterStore;
import dev.sora4j.emulator.store.FileStore;
import dev.sora4j.emulator.store.MediaFiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the body of a create ({@code POST /videos}, or one line of a batch) and turns it into a
 * {@link JobScheduler.NewJob}. An image given as upload, as {@code file_id} or as a base64
 * {@code data:} URL becomes the first frame; an http(s) {@code image_url} is recorded, not fetched.
 */
public final class VideoCreation {
    private static final Set<String> FIELDS =
            Set.of("prompt", "model", "size", "seconds", "input_reference", "characters");

    private final EmulatorRules rules;
    private final CharacterStore characters;
    private final FileStore files;
    private final PeopleScreen people;

    public VideoCreation(EmulatorRules rules, CharacterStore characters, FileStore files, PeopleScreen people) {
        this.people = people;
        this.rules = rules;
        this.characters = characters;
        this.files = files;
    }

    /**
     * @param fields the body (JSON object, or multipart fields rebuilt from bracket names)
     * @param upload an uploaded {@code input_reference} image, or null
     */
    public JobScheduler.NewJob prepare(Map<String, Object> fields, RequestFields.Upload upload, String batchId) {
        for (String key : fields.keySet()) {
            if (!FIELDS.contains(key)) {
                throw ApiError.invalidRequest(key, "Unrecognized request argument supplied: " + key);
            }
        }
        String prompt = rules.prompt(text(fields, "prompt"));
        String model = rules.model(text(fields, "model"));
        String size = rules.size(text(fields, "size"), model);
        String seconds = rules.seconds(text(fields, "seconds"));
        Object field = fields.get("input_reference");
        Map<String, String> reference = null;
        Content firstFrame = null;
        if (upload != null) {
            if (field != null) {
                throw ApiError.invalidRequest(
                        "input_reference", "Provide input_reference either as a file or as an object, not both.");
            }
            checkImage(upload.content(), size, "input_reference");
            reference = Map.of("upload", upload.filename());
            firstFrame = upload.content();
        } else if (field != null) {
            if (!(field instanceof Map<?, ?> map)) {
                throw ApiError.invalidRequest(
                        "input_reference",
                        "Invalid 'input_reference': expected an object with "
                                + "file_id or image_url, or an uploaded image file.");
            }
            Object fileId = map.get("file_id");
            Object imageUrl = map.get("image_url");
            if ((fileId == null) == (imageUrl == null) || map.size() != 1) {
                throw ApiError.invalidRequest(
                        "input_reference",
                        "Invalid 'input_reference': provide exactly one of 'file_id' or 'image_url'.");
            }
            if (fileId != null) {
                String id = String.valueOf(fileId);
                files.find(id)
                        .orElseThrow(() -> ApiError.invalidRequest(
                                "input_reference.file_id",
                                "Invalid 'input_reference.file_id': no file with id '" + id
                                        + "'. Upload it with POST /v1/files first."));
                firstFrame = Content.of(files.content(id));
                checkImage(firstFrame, size, "input_reference.file_id");
                reference = Map.of("file_id", id);
            } else {
                String url = String.valueOf(imageUrl);
                byte[] decoded = dataUrl(url);
                if (decoded != null) {
                    firstFrame = Content.of(decoded);
                    checkImage(firstFrame, size, "input_reference.image_url");
                } else if (!url.startsWith("https://") && !url.startsWith("http://")) {
                    throw ApiError.invalidRequest(
                            "input_reference.image_url",
                            "Invalid 'input_reference.image_url': " + "expected an http(s) URL or a base64 data: URL.");
                }
                reference = Map.of("image_url", url.length() > 200 ? url.substring(0, 200) + "..." : url);
            }
        }
        if (firstFrame != null && people.imageShowsPerson(firstFrame)) {
            // The service's rule (guide, "Guardrails"): refused with a moderation code, nothing queued.
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    "input_reference",
                    Moderation.CODE,
                    "Input images with human faces are rejected. Use an image without people.");
        }
        List<String> ids = characterIds(fields.get("characters"));
        Map<String, Content> media = firstFrame == null ? Map.of() : Map.of(MediaFiles.INPUT_REFERENCE, firstFrame);
        return new JobScheduler.NewJob(model, prompt, size, seconds, reference, ids, null, null, media, batchId);
    }

    /** {@code characters}: at most two {@code {"id": "char_..."}} objects naming existing characters. */
    private List<String> characterIds(Object field) {
        if (field == null) {
            return List.of();
        }
        if (!(field instanceof List<?> list)) {
            throw ApiError.invalidRequest(
                    "characters", "Invalid 'characters': expected an array of objects like {\"id\": \"char_...\"}.");
        }
        if (list.size() > EmulatorRules.MAX_CHARACTERS) {
            throw ApiError.invalidRequest(
                    "characters",
                    "Invalid 'characters': a video can include at most " + EmulatorRules.MAX_CHARACTERS
                            + " characters, but got " + list.size() + ".");
        }
        List<String> ids = new ArrayList<>();
        for (Object item : list) {
            Object id = item instanceof Map<?, ?> m ? m.get("id") : null;
            if (!(id instanceof String s) || s.isEmpty()) {
                throw ApiError.invalidRequest(
                        "characters", "Invalid 'characters': each item must be an object with a string 'id'.");
            }
            if (characters.find(s).isEmpty()) {
                throw ApiError.invalidRequest("characters", "Invalid 'characters': character '" + s + "' not found.");
            }
            ids.add(s);
        }
        return ids;
    }

    /** The bytes of a base64 {@code data:} URL, or null for any other URL. */
    private static byte[] dataUrl(String url) {
        if (!url.startsWith("data:")) {
            return null;
        }
        int comma = url.indexOf(',');
        if (comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw ApiError.invalidRequest(
                    "input_reference.image_url",
                    "Invalid 'input_reference.image_url': a data: URL must be base64, like data:image/png;base64,....");
        }
        try {
            return Base64.getDecoder().decode(url.substring(comma + 1).strip());
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidRequest(
                    "input_reference.image_url",
                    "Invalid 'input_reference.image_url': the data: URL is not valid base64.");
        }
    }

    /**
     * JPEG, PNG or WebP by content; JPEG and PNG must match the requested size, which is read from
     * the header: the pixels are decoded only later, by the renderer, once the size is known to be sane.
     */
    public static void checkImage(Content content, String size, String param) {
        byte[] b;
        try {
            b = content.head(16);
        } catch (IOException e) {
            throw ApiError.invalidRequest(param, "Invalid '" + param + "': the image could not be read.");
        }
        boolean jpeg = b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
        boolean png = b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean webp = b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B';
        if (!jpeg && !png && !webp) {
            throw ApiError.invalidRequest(
                    param,
                    "Invalid '" + param + "': unsupported image format. "
                            + "Supported formats are image/jpeg, image/png and image/webp.");
        }
        if (webp) {
            return;
        }
        try (InputStream in = content.open()) {
            String actual = ImageProbe.dimensions(in)
                    .map(ImageProbe.Dimensions::toString)
                    .orElse(null);
            // A header no reader understands is let through, as before: the renderer then skips the frame.
            if (actual != null && !actual.equals(size)) {
                throw ApiError.invalidRequest(
                        param,
                        "Invalid '" + param + "': the image is " + actual + " but the requested size is " + size
                                + ". The reference image must match the video size.");
            }
        } catch (IOException e) {
            throw ApiError.invalidRequest(param, "Invalid '" + param + "': the image could not be decoded.");
        }
    }

    private static String text(Map<String, Object> fields, String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw ApiError.invalidRequest(name, "Invalid type for '" + name + "': expected a string.");
    }
}
