package dev.sora4j.rules;

import static dev.sora4j.errors.SoraException.ref;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.internal.Arguments;
import dev.sora4j.media.MediaKind;
import dev.sora4j.model.CharacterRequest;
import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.RemixRequest;
import dev.sora4j.model.VideoRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client-side validation of create requests under one {@link Profile}, run before anything is
 * sent. Every message names the field, the offending value and what is allowed.
 */
public final class VideoRules {
    /** The model when none is given. */
    public static final String DEFAULT_MODEL = "sora-2";
    /** The size when none is given. */
    public static final String DEFAULT_SIZE = "1280x720";
    /** The seconds when none are given. */
    public static final String DEFAULT_SECONDS = "4";
    /** The longest prompt, in characters. */
    public static final int MAX_PROMPT_CHARS = 32_000;
    /** At most this many reusable characters per video. */
    public static final int MAX_CHARACTERS = 2;
    /** A video can be extended at most six times, to at most 120 s in total (guide and spec). */
    public static final int MAX_EXTENSIONS = 6;

    /** The longest a chain of extensions may get, in seconds. */
    public static final int MAX_TOTAL_SECONDS = 120;
    /** Every extension adds at most 20 s, under every profile. */
    public static final int MAX_EXTENSION_SECONDS = 20;

    /** The longest character name. */
    public static final int MAX_CHARACTER_NAME = 80;

    private static final List<String> SIZES_720 = List.of("1280x720", "720x1280");
    private static final List<String> SIZES_SPEC = List.of("1280x720", "720x1280", "1024x1792", "1792x1024");
    private static final List<String> SIZES_PRO =
            List.of("1280x720", "720x1280", "1024x1792", "1792x1024", "1920x1080", "1080x1920");

    private final Profile profile;
    private final Map<String, List<String>> sizesByModel;
    private final List<String> seconds;

    private VideoRules(Profile profile, Map<String, List<String>> sizesByModel, List<String> seconds) {
        this.profile = profile;
        this.sizesByModel = sizesByModel;
        this.seconds = seconds;
    }

    /**
     * The rules of a profile.
     *
     * @param profile the profile
     * @return the rules
     */
    public static VideoRules of(Profile profile) {
        Map<String, List<String>> sizes = new LinkedHashMap<>();
        switch (profile) {
            case GUIDE -> {
                sizes.put("sora-2", SIZES_720);
                sizes.put("sora-2-pro", SIZES_PRO);
                return new VideoRules(profile, sizes, List.of("4", "8", "12", "16", "20"));
            }
            case SPEC -> {
                for (String m : List.of(
                        "sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "sora-2-2025-12-08")) {
                    sizes.put(m, SIZES_SPEC);
                }
                return new VideoRules(profile, sizes, List.of("4", "8", "12"));
            }
            default -> {
                return new VideoRules(profile, Map.of(), List.of());
            }
        }
    }

    /**
     * The profile these rules belong to.
     *
     * @return the profile
     */
    public Profile profile() {
        return profile;
    }

    /**
     * Fills defaults and checks every field; returns the request exactly as it will be sent.
     *
     * @param request the request
     * @return the validate
     * @throws InvalidRequestException naming the field at fault
     */
    public VideoRequest validate(VideoRequest request) {
        VideoRequest r = request.withDefaults(DEFAULT_MODEL, DEFAULT_SIZE, DEFAULT_SECONDS);
        prompt(r.prompt());
        if (profile != Profile.OPEN) {
            List<String> sizes = sizesByModel.get(r.model());
            if (sizes == null) {
                throw invalid("model", r.model(), List.copyOf(sizesByModel.keySet()), "");
            }
            if (!sizes.contains(r.size())) {
                throw invalid("size", r.size(), sizes, " for " + r.model());
            }
            if (!seconds.contains(r.seconds())) {
                throw invalid("seconds", r.seconds(), seconds, "");
            }
        } else {
            requireText("model", r.model());
            requireText("size", r.size());
            requireText("seconds", r.seconds());
        }
        if (r.characterIds().stream().anyMatch(String::isBlank)) {
            throw new InvalidRequestException("character_id", ref("character_id") + ": ids must not be empty");
        }
        if (r.characterIds().size() > MAX_CHARACTERS) {
            throw new InvalidRequestException(
                    "character_id",
                    ref("character_id") + ": a video can include at most " + MAX_CHARACTERS + " characters, got "
                            + r.characterIds().size());
        }
        inputReference(r.inputReference());
        return r;
    }

    /**
     * The checks that hold on every server, without OpenAI's defaults or lists: prompt length,
     * character ids, the input reference. For a request a provider profile already prepared (its own
     * defaults filled, or deliberately left to the server) under {@link Profile#OPEN}.
     *
     * @param r the request
     * @return the same request
     * @throws InvalidRequestException naming the field at fault
     */
    public VideoRequest validateAsGiven(VideoRequest r) {
        prompt(r.prompt());
        if (r.characterIds().stream().anyMatch(String::isBlank)) {
            throw new InvalidRequestException("character_id", ref("character_id") + ": ids must not be empty");
        }
        if (r.characterIds().size() > MAX_CHARACTERS) {
            throw new InvalidRequestException(
                    "character_id",
                    ref("character_id") + ": a video can include at most " + MAX_CHARACTERS + " characters, got "
                            + r.characterIds().size());
        }
        inputReference(r.inputReference());
        return r;
    }

    /**
     * An edit by id, or of an uploaded MP4 with an explicit model.
     *
     * @param r the request
     * @return the validate edit
     * @throws InvalidRequestException naming the field at fault
     */
    public EditRequest validateEdit(EditRequest r) {
        prompt(r.prompt());
        boolean byId = r.videoId() != null && !r.videoId().isBlank();
        if (byId == (r.videoFile() != null)) {
            throw new InvalidRequestException(
                    "id",
                    "Use " + ref("id") + " (a generated video) or " + ref("video_file") + " (an upload), exactly one.");
        }
        if (byId) {
            return EditRequest.ofVideo(r.videoId().strip(), r.prompt());
        }
        if (r.model() == null || r.model().isBlank()) {
            throw new InvalidRequestException(
                    "model",
                    ref("model") + " is required when editing an uploaded source video, e.g. " + ref("model")
                            + " sora-2");
        }
        String model = r.model().strip();
        if (profile != Profile.OPEN && !sizesByModel.containsKey(model)) {
            throw invalid("model", model, List.copyOf(sizesByModel.keySet()), "");
        }
        requireMp4("video_file", r.videoFile());
        return EditRequest.ofUpload(r.videoFile(), model, r.prompt());
    }

    /**
     * The new segment's own rules; {@link #checkChain} adds the limits of the whole chain.
     *
     * @param r the request
     * @return the validate extend
     * @throws InvalidRequestException naming the field at fault
     */
    public ExtendRequest validateExtend(ExtendRequest r) {
        Arguments.id("id", r.videoId());
        prompt(r.prompt());
        String s = r.seconds() == null ? DEFAULT_SECONDS : r.seconds().strip();
        if (profile == Profile.OPEN) {
            int n;
            try {
                n = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(
                        "seconds", ref("seconds") + " '" + s + "' is not a whole number of seconds");
            }
            if (n < 1 || n > MAX_EXTENSION_SECONDS) {
                throw new InvalidRequestException(
                        "seconds",
                        ref("seconds") + " '" + s + "' is out of range: an extension adds 1 to " + MAX_EXTENSION_SECONDS
                                + " seconds");
            }
        } else if (!seconds.contains(s)) {
            throw invalid("seconds", s, seconds, " for an extension");
        }
        return new ExtendRequest(r.videoId().strip(), r.prompt(), s);
    }

    /**
     * The chain limits: at most {@value #MAX_EXTENSIONS} extensions and {@value #MAX_TOTAL_SECONDS} s
     * in total. Not applied under {@link Profile#OPEN}, where the server decides.
     *
     * @param extensionsSoFar how many extensions lead to {@code sourceId} (0 for an original video)
     * @param sourceSeconds the source's {@code seconds}, already the stitched total
     * @param addSeconds the new segment's seconds
     * @param sourceId the video being extended
     * @throws InvalidRequestException when the chain would be too long
     */
    public void checkChain(String sourceId, int extensionsSoFar, String sourceSeconds, String addSeconds) {
        if (profile == Profile.OPEN) {
            return;
        }
        if (extensionsSoFar >= MAX_EXTENSIONS) {
            throw new InvalidRequestException(
                    "id",
                    "video " + sourceId + " is already the result of " + extensionsSoFar
                            + " extensions; a video can be extended at most " + MAX_EXTENSIONS
                            + " times. Start a new video "
                            + "(or use " + ref("profile") + " open if your server allows longer chains).");
        }
        int total = parseSeconds(sourceSeconds) + parseSeconds(addSeconds);
        if (total > MAX_TOTAL_SECONDS) {
            throw new InvalidRequestException(
                    "seconds",
                    "extending " + sourceId + " (" + sourceSeconds + " s) by "
                            + addSeconds + " s makes " + total + " s; a chain may total at most " + MAX_TOTAL_SECONDS
                            + " s. Use a shorter " + ref("seconds") + ".");
        }
    }

    /**
     * Checks a remix: a source id and a prompt.
     *
     * @param r the request
     * @return the validate remix
     * @throws InvalidRequestException naming the field at fault
     */
    public RemixRequest validateRemix(RemixRequest r) {
        Arguments.id("id", r.videoId());
        prompt(r.prompt());
        return new RemixRequest(r.videoId().strip(), r.prompt());
    }

    /**
     * Name 1–80 characters; the upload must be an MP4 by its content.
     *
     * @param r the request
     * @return the validate character
     * @throws InvalidRequestException naming the field at fault
     */
    public CharacterRequest validateCharacter(CharacterRequest r) {
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > MAX_CHARACTER_NAME) {
            throw new InvalidRequestException(
                    "name",
                    ref("name") + " must have 1 to " + MAX_CHARACTER_NAME + " characters, got " + name.length());
        }
        requireMp4("video_file", r.videoFile());
        return new CharacterRequest(name, r.videoFile());
    }

    private static void requireMp4(String field, Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidRequestException(field, ref(field) + " " + file + ": file not found");
        }
        MediaKind kind = MediaKind.of(file);
        if (kind != MediaKind.MP4) {
            throw new InvalidRequestException(
                    field,
                    ref(field) + " " + file + " is not an MP4 (its content looks like "
                            + (kind == MediaKind.UNKNOWN ? "something else" : kind.mimeType())
                            + "); upload an .mp4 clip");
        }
    }

    private static int parseSeconds(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static void prompt(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw InvalidRequestException.of("prompt", " is empty; pass the text to generate from");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new InvalidRequestException(
                    "prompt",
                    ref("prompt") + " has " + prompt.length() + " characters; the limit is " + MAX_PROMPT_CHARS);
        }
    }

    private static void inputReference(InputReference ref) {
        if (ref instanceof InputReference.ImageFile f) {
            if (!Files.isRegularFile(f.path())) {
                throw new InvalidRequestException(
                        "input_reference", ref("input_reference") + " " + f.path() + ": file not found");
            }
            if (!MediaKind.of(f.path()).isImage()) {
                throw new InvalidRequestException(
                        "input_reference",
                        ref("input_reference") + " " + f.path() + " is not a JPEG, PNG or WebP image (by its content)");
            }
        }
        if (ref instanceof InputReference.FileId f && f.fileId().isBlank()) {
            throw new InvalidRequestException("input_reference_file_id", ref("input_reference_file_id") + " is empty");
        }
        if (ref instanceof InputReference.ImageUrl u && u.url().isBlank()) {
            throw new InvalidRequestException("input_reference_url", ref("input_reference_url") + " is empty");
        }
    }

    private static void requireText(String field, String value) {
        if (value.isBlank()) {
            throw InvalidRequestException.of(field, " is empty");
        }
    }

    private InvalidRequestException invalid(String field, String value, List<String> allowed, String context) {
        return new InvalidRequestException(
                field,
                ref(field) + " '" + value + "' is not allowed" + context + " under the "
                        + profile.id() + " profile; allowed: " + String.join(", ", allowed)
                        + (profile == Profile.GUIDE && field.equals("size") && SIZES_PRO.contains(value)
                                ? " (use " + ref("model") + " sora-2-pro for this size)"
                                : "")
                        + (field.equals("model") ? " (or " + ref("profile") + " open for other models)" : ""));
    }
}
