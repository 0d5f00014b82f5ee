package dev.sora4j.options;

import static dev.sora4j.errors.SoraException.ref;

import dev.sora4j.errors.InvalidRequestException;
import java.util.Locale;

/** How the key travels: {@code Authorization: Bearer <key>} (OpenAI, gateways) or {@code api-key: <key>} (Azure style). */
public enum AuthHeader {
    /** {@code bearer}. */
    BEARER,
    /** {@code api_key}. */
    API_KEY;

    /**
     * Reads a setting or flag value.
     *
     * @param value the value as given
     * @return the header style
     * @throws InvalidRequestException (field {@code auth_header}) when the value is not known
     */
    public static AuthHeader parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "bearer", "authorization" -> BEARER;
            case "api-key", "api_key" -> API_KEY;
            default ->
                throw new InvalidRequestException(
                        "auth_header", ref("auth_header") + " '" + value + "' is not known; use bearer or api-key");
        };
    }
}
