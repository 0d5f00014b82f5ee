package dev.sora4j.emulator.dialect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LiteLLM's managed video ids: {@code video_} + standard base64 (with {@code =} padding) of
 * {@code litellm:custom_llm_provider:<provider>;model_id:<deployment>;video_id:<backend id>}
 * (providers.md §1, LL-IDS). Decoding tolerates missing padding; an id that does not decode to that
 * text is taken as a raw backend id, which LiteLLM also accepts.
 */
public final class LiteLlmIds {
    private static final String PREFIX = "video_";
    private static final Pattern DECODED =
            Pattern.compile("litellm:custom_llm_provider:([^;]*);model_id:([^;]*);video_id:(.+)");

    private LiteLlmIds() {}

    /** The encoded id for {@code backendId} routed to {@code provider} and {@code modelId} (may be empty). */
    public static String encode(String provider, String modelId, String backendId) {
        String text = "litellm:custom_llm_provider:" + provider + ";model_id:" + modelId + ";video_id:" + backendId;
        return PREFIX + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The backend id inside {@code id}, or {@code id} itself when it is not an encoded id. */
    public static String backendId(String id) {
        if (!id.startsWith(PREFIX)) {
            return id;
        }
        String b64 = id.substring(PREFIX.length());
        int pad = (4 - b64.length() % 4) % 4;
        try {
            String text = new String(
                    Base64.getDecoder().decode(b64 + "=".repeat(pad == 3 ? 0 : pad)), StandardCharsets.UTF_8);
            Matcher m = DECODED.matcher(text);
            return m.matches() ? m.group(3) : id;
        } catch (IllegalArgumentException e) {
            return id;
        }
    }
}
