package dev.sora4j.rules;

import static dev.sora4j.errors.SoraException.ref;

import dev.sora4j.errors.InvalidRequestException;
import java.util.Locale;

/**
 * Which client-side limits apply. {@link #GUIDE} follows OpenAI's March-2026 guide (the reference
 * CLI's limits), {@link #SPEC} the 2026-08-21 OpenAPI enums, {@link #OPEN} checks no model, size or
 * seconds at all, for gateways that serve other models.
 */
public enum Profile {
    /** {@code guide}. */
    GUIDE,
    /** {@code spec}. */
    SPEC,
    /** {@code open}. */
    OPEN;

    /**
     * The name used in settings and flags.
     *
     * @return the id the service gave
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a setting or flag value.
     *
     * @param value the value as given
     * @return the profile
     * @throws InvalidRequestException (field {@code profile}) when the value is not known
     */
    public static Profile parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (Profile p : values()) {
            if (p.id().equals(v)) {
                return p;
            }
        }
        throw new InvalidRequestException(
                "profile", ref("profile") + " '" + value + "' is not known; use one of: guide, spec, open");
    }
}
