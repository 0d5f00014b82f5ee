package dev.sora4j.rules;

import dev.sora4j.errors.InvalidRequestException;
import java.util.Locale;

/**
 * The one local check for ids a user or a file hands us (video, character, file ids), made before any
 * request. Ids are opaque and their shape differs by provider: OpenAI's {@code video_} + 48 hex,
 * vLLM-Omni's {@code video_gen_} + 32 hex, UUIDs, and LiteLLM's {@code video_} + standard base64 of
 * its routing data (150-250 characters, {@code +} and {@code =} included). So the rule only refuses
 * what no real id contains and what would change the meaning of a URL path or a file name: path
 * separators, {@code ..}, whitespace, control or invisible formatting characters, and more than
 * {@value #MAX_LENGTH} characters. (LiteLLM's base64 could in theory hold a {@code /}, but only for a
 * backend id containing {@code ?}; its own router cannot serve such an id either.)
 */
public final class Ids {
    /** Longer than any provider's id (LiteLLM's are ~250), short enough for a URL and a log line. */
    public static final int MAX_LENGTH = 512;

    private static final int SHOWN = 60;

    private Ids() {}

    /**
     * Returns {@code raw} without surrounding whitespace, or throws naming {@code label} (the flag
     * or file position the id came from, e.g. {@code --id} or {@code jobs.jsonl line 3: character}).
     *
     * @param label where the id came from, used in the error
     * @param raw the id as given
     * @return the stripped id
     * @throws InvalidRequestException when the id is empty or breaks one of the rules above
     */
    public static String check(String label, String raw) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            throw invalid(label, "is empty; pass the id exactly as `sora create` or `sora list` printed it.");
        }
        if (id.length() > MAX_LENGTH) {
            throw invalid(
                    label,
                    "'" + shown(id) + "' is " + id.length() + " characters long; ids are at most " + MAX_LENGTH
                            + ". Copy the id exactly as the server printed it.");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            String problem = problem(c);
            if (problem != null) {
                throw invalid(
                        label,
                        "'" + shown(id) + "' contains " + problem + " at position " + (i + 1) + "; an id has no "
                                + category(c) + ". Copy the id exactly as the server printed it.");
            }
        }
        if (id.contains("..")) {
            throw invalid(
                    label,
                    "'" + shown(id) + "' contains '..'; an id is never a path. Copy the id exactly as the server "
                            + "printed it.");
        }
        return id;
    }

    private static String problem(char c) {
        if (c == '/' || c == '\\') {
            return "a path separator ('" + c + "')";
        }
        if (Character.isISOControl(c) || isInvisible(c)) {
            return String.format(Locale.ROOT, "the control character U+%04X", (int) c);
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "whitespace";
        }
        return null;
    }

    private static String category(char c) {
        if (c == '/' || c == '\\') {
            return "path separators";
        }
        if (Character.isISOControl(c) || isInvisible(c)) {
            return "control characters";
        }
        return "spaces";
    }

    /** Zero-width and direction-override characters: invisible in a terminal, so never typed on purpose. */
    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** The id as it may be printed: control characters escaped, long ids shortened. */
    private static String shown(String id) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(id.length(), SHOWN); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c) || isInvisible(c)) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return id.length() > SHOWN ? sb + "..." : sb.toString();
    }

    private static InvalidRequestException invalid(String label, String what) {
        return new InvalidRequestException("id", label + " " + what);
    }
}
