package dev.sora4j.emulator;

import java.util.List;
import java.util.Map;

/**
 * What the emulated server accepts. Written independently of the client's rules on purpose: the
 * emulator must not agree with the client by construction.
 */
final class EmulatorRules {
    static final int MAX_PROMPT = 32_000;
    private static final List<String> LANDSCAPE_PORTRAIT_720 = List.of("720x1280", "1280x720");
    private static final List<String> PRO_SIZES =
            List.of("720x1280", "1280x720", "1024x1792", "1792x1024", "1080x1920", "1920x1080");
    private static final Map<String, List<String>> SIZES_BY_MODEL = Map.of(
            "sora-2", LANDSCAPE_PORTRAIT_720,
            "sora-2-2025-10-06", LANDSCAPE_PORTRAIT_720,
            "sora-2-2025-12-08", LANDSCAPE_PORTRAIT_720,
            "sora-2-pro", PRO_SIZES,
            "sora-2-pro-2025-10-06", PRO_SIZES);
    private static final List<String> MODELS =
            List.of("sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "sora-2-2025-12-08");
    private static final List<String> SECONDS = List.of("4", "8", "12", "16", "20");

    static final String DEFAULT_MODEL = "sora-2";
    static final String DEFAULT_SIZE = "720x1280";
    static final String DEFAULT_SECONDS = "4";

    String prompt(String prompt) {
        if (prompt == null) {
            throw ApiError.missing("prompt");
        }
        if (prompt.isEmpty()) {
            throw ApiError.invalidRequest("prompt", "Invalid 'prompt': empty string. Expected a string with minimum length 1.");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw ApiError.invalidRequest("prompt", "Invalid 'prompt': string too long. Expected a string with maximum length "
                    + MAX_PROMPT + ", but got a string with length " + prompt.length() + " instead.");
        }
        return prompt;
    }

    String model(String model) {
        String m = model == null ? DEFAULT_MODEL : model;
        if (!MODELS.contains(m)) {
            throw ApiError.invalidValue("model", m, MODELS);
        }
        return m;
    }

    String size(String size, String model) {
        String s = size == null ? DEFAULT_SIZE : size;
        List<String> allowed = SIZES_BY_MODEL.get(model);
        if (!allowed.contains(s)) {
            throw ApiError.invalidValue("size", s, allowed);
        }
        return s;
    }

    String seconds(String seconds) {
        String s = seconds == null ? DEFAULT_SECONDS : seconds;
        if (!SECONDS.contains(s)) {
            throw ApiError.invalidValue("seconds", s, SECONDS);
        }
        return s;
    }
}
