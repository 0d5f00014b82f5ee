package dev.sora4j.emulator.jobs;

import dev.sora4j.emulator.config.EmulatorProfile;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.store.StoredVideo;
import java.util.List;
import java.util.Map;

/**
 * What the emulated server accepts under its {@link EmulatorProfile}. Written independently of the
 * client's rules on purpose: the emulator must not agree with the client by construction.
 */
public final class EmulatorRules {
    public static final int MAX_PROMPT = 32_000;
    public static final int MAX_CHARACTERS = 2;
    public static final int MAX_EXTENSIONS = 6;
    public static final int MAX_CHAIN_SECONDS = 120;
    public static final int MAX_EXTENSION_SECONDS = 20;
    public static final int MAX_CHARACTER_NAME = 80;
    /** Under the open profile: what the emulator can still render. */
    public static final int MAX_OPEN_SECONDS = 120;

    public static final int MAX_OPEN_SIDE = 3840;

    private static final List<String> SIZES_720 = List.of("720x1280", "1280x720");
    private static final List<String> SIZES_SPEC = List.of("720x1280", "1280x720", "1024x1792", "1792x1024");
    private static final List<String> SIZES_PRO =
            List.of("720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080");
    private static final Map<String, List<String>> GUIDE_SIZES = Map.of(
            "sora-2", SIZES_720,
            "sora-2-2025-10-06", SIZES_720,
            "sora-2-2025-12-08", SIZES_720,
            "sora-2-pro", SIZES_PRO,
            "sora-2-pro-2025-10-06", SIZES_PRO);
    private static final List<String> MODELS =
            List.of("sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "sora-2-2025-12-08");
    private static final List<String> GUIDE_SECONDS = List.of("4", "8", "12", "16", "20");
    private static final List<String> SPEC_SECONDS = List.of("4", "8", "12");

    public static final String DEFAULT_MODEL = "sora-2";
    public static final String DEFAULT_SIZE = "720x1280";
    public static final String DEFAULT_SECONDS = "4";

    private final EmulatorProfile profile;

    public EmulatorRules(EmulatorProfile profile) {
        this.profile = profile;
    }

    public String prompt(String prompt) {
        if (prompt == null) {
            throw ApiError.missing("prompt");
        }
        if (prompt.isEmpty()) {
            throw ApiError.invalidRequest(
                    "prompt", "Invalid 'prompt': empty string. Expected a string with minimum length 1.");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw ApiError.invalidRequest(
                    "prompt",
                    "Invalid 'prompt': string too long. Expected a string with maximum length " + MAX_PROMPT
                            + ", but got a string with length " + prompt.length() + " instead.");
        }
        return prompt;
    }

    public String model(String model) {
        String m = model == null ? DEFAULT_MODEL : model;
        if (profile == EmulatorProfile.OPEN) {
            if (m.isBlank()) {
                throw ApiError.invalidRequest("model", "Invalid 'model': empty string.");
            }
            return m;
        }
        if (!MODELS.contains(m)) {
            throw ApiError.invalidValue("model", m, MODELS);
        }
        return m;
    }

    public String size(String size, String model) {
        String s = size == null ? DEFAULT_SIZE : size;
        if (profile == EmulatorProfile.OPEN) {
            return openSize(s);
        }
        List<String> allowed = profile == EmulatorProfile.SPEC ? SIZES_SPEC : GUIDE_SIZES.get(model);
        if (!allowed.contains(s)) {
            throw ApiError.invalidValue("size", s, allowed);
        }
        return s;
    }

    public String seconds(String seconds) {
        String s = seconds == null ? DEFAULT_SECONDS : seconds;
        return switch (profile) {
            case GUIDE -> oneOf("seconds", s, GUIDE_SECONDS);
            case SPEC -> oneOf("seconds", s, SPEC_SECONDS);
            case OPEN -> inRange("seconds", s, MAX_OPEN_SECONDS);
        };
    }

    /** The length of a new extension segment; at most 20 s under every profile. */
    public String extensionSeconds(String seconds) {
        String s = seconds == null ? DEFAULT_SECONDS : seconds;
        return switch (profile) {
            case GUIDE -> oneOf("seconds", s, GUIDE_SECONDS);
            case SPEC -> oneOf("seconds", s, SPEC_SECONDS);
            case OPEN -> inRange("seconds", s, MAX_EXTENSION_SECONDS);
        };
    }

    /** Six extensions and 120 s per chain, except under the open profile. */
    public void chain(StoredVideo source, int addSeconds) {
        if (profile == EmulatorProfile.OPEN) {
            return;
        }
        int depth = source.extensionDepth();
        if (depth >= MAX_EXTENSIONS) {
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    "video",
                    "extension_limit_reached",
                    "Video '" + source.id() + "' has already been extended " + depth
                            + " times; a video can be extended at most " + MAX_EXTENSIONS + " times.");
        }
        int total = Integer.parseInt(source.seconds()) + addSeconds;
        if (total > MAX_CHAIN_SECONDS) {
            throw new ApiError(
                    400,
                    "invalid_request_error",
                    "seconds",
                    "extension_too_long",
                    "Extending video '" + source.id() + "' by " + addSeconds + " seconds would make it " + total
                            + " seconds long; the maximum is " + MAX_CHAIN_SECONDS + " seconds.");
        }
    }

    public String characterName(String name) {
        if (name == null) {
            throw ApiError.missing("name");
        }
        if (name.isEmpty() || name.length() > MAX_CHARACTER_NAME) {
            throw ApiError.invalidRequest(
                    "name",
                    "Invalid 'name': expected a string with length between 1 and " + MAX_CHARACTER_NAME
                            + ", but got a string with length " + name.length() + " instead.");
        }
        return name;
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiError.invalidValue(field, value, allowed);
        }
        return value;
    }

    private static String inRange(String field, String value, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > max) {
            throw ApiError.invalidRequest(
                    field,
                    "Invalid '" + field + "': expected a whole number of seconds from 1 to " + max + ", but got '"
                            + value + "' instead.");
        }
        return Integer.toString(n);
    }

    private static String openSize(String s) {
        String[] parts = s.split("x");
        try {
            int w = Integer.parseInt(parts[0]);
            int h = Integer.parseInt(parts[1]);
            if (parts.length == 2
                    && w >= 16
                    && h >= 16
                    && w <= MAX_OPEN_SIDE
                    && h <= MAX_OPEN_SIDE
                    && w % 2 == 0
                    && h % 2 == 0) {
                return w + "x" + h;
            }
        } catch (RuntimeException ignored) {
            // Falls through to the error below.
        }
        throw ApiError.invalidRequest(
                "size",
                "Invalid 'size': expected WIDTHxHEIGHT with even sides from 16 to " + MAX_OPEN_SIDE + ", but got '" + s
                        + "' instead.");
    }
}
