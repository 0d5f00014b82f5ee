package dev.sora4j.errors;

/** Missing or contradictory configuration, such as no API key for a live call or an unusable ledger file. */
public class ConfigException extends SoraException {
    private static final long serialVersionUID = 1L;

    /** The setting at fault, or null. */
    private final String setting;

    /**
     * A configuration problem not tied to one setting.
     *
     * @param message what is wrong and how to fix it
     */
    public ConfigException(String message) {
        this(null, message);
    }

    /**
     * A problem with one setting.
     *
     * @param setting the setting at fault, e.g. {@code api_key}, or null
     * @param message what is wrong and how to fix it
     */
    public ConfigException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /**
     * The setting at fault.
     *
     * @return its name ({@code api_key}, {@code ledger}, {@code price}...), or null
     */
    public String setting() {
        return setting;
    }
}
