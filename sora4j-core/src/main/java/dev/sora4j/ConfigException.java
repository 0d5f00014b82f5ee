package dev.sora4j;

/** Missing or contradictory configuration, such as no API key for a live call. */
public class ConfigException extends SoraException {
    public ConfigException(String message) {
        super(message);
    }
}
