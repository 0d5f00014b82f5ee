package dev.sora4j.providers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a provider's job ids behave (providers.md §0 knob 7). Ids are opaque: sora4j never parses
 * them to decide anything except {@link #sameJob}, and keys its ledger on the id the create answer
 * carried, because a LiteLLM proxy re-encodes the id in later answers (§1).
 *
 * @param shape what the provider's ids look like, for {@code sora doctor}; null when unknown
 * @param description the shape in words, for docs
 * @param mayChange whether a later answer may carry another string for the same job
 */
public record IdPolicy(Pattern shape, String description, boolean mayChange) {
    /** Longer ids are shortened in file names; LiteLLM's run to ~250 characters (§1). */
    public static final int MAX_FILE_STEM = 64;

    private static final String LITELLM_PREFIX = "video_";
    private static final String LITELLM_MARKER = "litellm:custom_llm_provider:";
    private static final Pattern UNSAFE_FILE_CHARS = Pattern.compile("[^A-Za-z0-9._-]");
    private static final String UNRESERVED = "-._~!$&'()*+,;=:@";

    /**
     * Whether an id matches this provider's known shape (false when the shape is unknown).
     *
     * @param id the job id, may be null
     * @return true when the shape is known and the id matches it
     */
    public boolean matches(String id) {
        return shape != null && id != null && shape.matcher(id).matches();
    }

    /**
     * The id as one URL path segment: RFC 3986 pchars pass, everything else is percent-encoded. A
     * base64 id keeps its {@code +} and {@code =} (both legal in a path); a {@code /} would be encoded
     * and most servers decode it before routing, so such an id is unusable in a path anyway.
     *
     * @param id the job id
     * @return the id, percent-encoded where needed
     */
    public static String pathSegment(String id) {
        StringBuilder out = new StringBuilder(id.length() + 8);
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    /**
     * A file-name-safe stem for downloads: the id itself when short and plain, else its first 40
     * safe characters plus 16 hex of its SHA-256, so two long ids never collide and no name
     * exceeds file-system limits.
     *
     * @param id the job id
     * @return a stem of at most {@value #MAX_FILE_STEM} safe characters
     */
    public static String fileStem(String id) {
        String safe = UNSAFE_FILE_CHARS.matcher(id).replaceAll("_");
        if (safe.equals(id) && id.length() <= MAX_FILE_STEM) {
            return id;
        }
        return safe.substring(0, Math.min(40, safe.length())) + "-" + sha256(id).substring(0, 16);
    }

    /**
     * The backend id inside a LiteLLM-managed id ({@code video_} + base64 of
     * {@code litellm:custom_llm_provider:...;model_id:...;video_id:<id>}, padding optional, §1);
     * empty for any other id.
     *
     * @param id the job id, may be null
     * @return the decoded backend id, or empty when {@code id} is not a LiteLLM-managed id
     */
    public static Optional<String> liteLlmBackendId(String id) {
        if (id == null || !id.startsWith(LITELLM_PREFIX)) {
            return Optional.empty();
        }
        String b64 = id.substring(LITELLM_PREFIX.length());
        b64 = b64 + "=".repeat((4 - b64.length() % 4) % 4);
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!decoded.startsWith(LITELLM_MARKER)) {
            return Optional.empty();
        }
        String[] parts = decoded.split(";", 3);
        if (parts.length < 3 || !parts[2].startsWith("video_id:")) {
            return Optional.empty();
        }
        return Optional.of(parts[2].substring("video_id:".length()));
    }

    /**
     * Whether two ids name the same job: equal, or two LiteLLM encodings of one backend id (or one
     * encoding and the raw backend id, which LiteLLM lists as {@code first_id}/{@code last_id}).
     * Use it to match list items to ledger entries.
     *
     * @param a one id, may be null
     * @param b the other id, may be null
     * @return true when both are non-null and name the same job
     */
    public static boolean sameJob(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        String ba = liteLlmBackendId(a).orElse(a);
        String bb = liteLlmBackendId(b).orElse(b);
        return ba.equals(bb);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
