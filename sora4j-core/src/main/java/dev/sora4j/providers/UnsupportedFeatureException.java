package dev.sora4j.providers;

import dev.sora4j.errors.InvalidRequestException;

/**
 * The configured provider does not support a command or flag; refused before anything is sent
 * (exit 2). The message names the provider and what to do instead.
 */
public class UnsupportedFeatureException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    /** The provider that lacks the feature. */
    private final String provider;

    /** The feature as users know it ({@code delete}, {@code --extra fields}). */
    private final String feature;

    /**
     * A refusal.
     *
     * @param provider the provider's name
     * @param feature the command or flag, as users know it
     * @param message the one-line refusal naming the provider and the alternative
     */
    public UnsupportedFeatureException(String provider, String feature, String message) {
        super("provider", message);
        this.provider = provider;
        this.feature = feature;
    }

    /**
     * The provider that lacks the feature.
     *
     * @return its name, e.g. {@code litellm}
     */
    public String provider() {
        return provider;
    }

    /**
     * The refused command or flag.
     *
     * @return its label, e.g. {@code delete}
     */
    public String feature() {
        return feature;
    }
}
