package dev.sora4j.rules;

import dev.sora4j.InvalidRequestException;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.VideoRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client-side validation of create requests under one {@link Profile}, run before anything is
 * sent. Every message names the field, the offending value and what is allowed.
 */
public final class VideoRules {
    public static final String DEFAULT_MODEL = "sora-2";
    public static final String DEFAULT_SIZE = "1280x720";
    public static final String DEFAULT_SECONDS = "4";
    public static final int MAX_PROMPT_CHARS = 32_000;
    public static final int MAX_CHARACTERS = 2;

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

    public static VideoRules of(Profile profile) {
        Map<String, List<String>> sizes = new LinkedHashMap<>();
        switch (profile) {
            case GUIDE -> {
                sizes.put("sora-2", SIZES_720);
                sizes.put("sora-2-pro", SIZES_PRO);
                return new VideoRules(profile, sizes, List.of("4", "8", "12", "16", "20"));
            }
            case SPEC -> {
                for (String m : List.of("sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06",
                        "sora-2-2025-12-08")) {
                    sizes.put(m, SIZES_SPEC);
                }
                return new VideoRules(profile, sizes, List.of("4", "8", "12"));
            }
            default -> {
                return new VideoRules(profile, Map.of(), List.of());
            }
        }
    }

    public Profile profile() {
        return profile;
    }

    /** Fills defaults and checks every field; returns the request exactly as it will be sent. */
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
        if (r.characterIds().size() > MAX_CHARACTERS) {
            throw new InvalidRequestException("character_id", "character_id: a video can include at most "
                    + MAX_CHARACTERS + " characters, got " + r.characterIds().size());
        }
        inputReference(r.inputReference());
        return r;
    }

    private static void prompt(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidRequestException("prompt", "prompt is empty; pass --prompt TEXT or --prompt-file FILE");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new InvalidRequestException("prompt", "prompt has " + prompt.length()
                    + " characters; the limit is " + MAX_PROMPT_CHARS);
        }
    }

    private static void inputReference(InputReference ref) {
        if (ref instanceof InputReference.FileId f && f.fileId().isBlank()) {
            throw new InvalidRequestException("input_reference_file_id", "input_reference_file_id is empty");
        }
        if (ref instanceof InputReference.ImageUrl u && u.url().isBlank()) {
            throw new InvalidRequestException("input_reference_url", "input_reference_url is empty");
        }
    }

    private static void requireText(String field, String value) {
        if (value.isBlank()) {
            throw new InvalidRequestException(field, field + " is empty");
        }
    }

    private InvalidRequestException invalid(String field, String value, List<String> allowed, String context) {
        return new InvalidRequestException(field, field + " '" + value + "' is not allowed" + context + " under the "
                + profile.id() + " profile; allowed: " + String.join(", ", allowed)
                + (profile == Profile.GUIDE && field.equals("size") && SIZES_PRO.contains(value)
                        ? " (use --model sora-2-pro for this size)" : "")
                + (field.equals("model") ? " (or --profile open for other models)" : ""));
    }
}
