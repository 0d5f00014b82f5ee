package dev.sora4j.cli.gallery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that guards every gallery route, as notebook servers do: 32 random bytes, URL-safe.
 * Only whoever saw the printed URL (or the cookie the first visit sets) can use the gallery.
 */
public final class AccessToken {
    private static final int BYTES = 32;

    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    /**
     * A new token from {@code random}.
     *
     * @param random a strong source ({@link SecureRandom})
     * @return the token
     */
    public static AccessToken random(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * The token as it appears in the URL and the cookie.
     *
     * @return the URL-safe text
     */
    public String value() {
        return value;
    }

    /**
     * Whether {@code candidate} is this token, compared in constant time.
     *
     * @param candidate what a request carried, or null
     * @return true only for an exact match
     */
    public boolean matches(String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AccessToken[***]";
    }
}
