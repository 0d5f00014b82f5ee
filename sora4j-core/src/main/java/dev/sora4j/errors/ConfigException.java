package dev.sora4j.errors;

/** Missing or contradictory configuration, such as no API key for a live call. */
public class ConfigException extends SoraException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
