package dev.sora4j.config;

import dev.sora4j.errors.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Resolves a setting from, in order: a system property, an environment variable, the config file
 * {@code <home>/config.properties} (keys are long option names such as {@code base-url}). Flags are
 * applied on top by the front end. The API key is never read from the config file, so that it does
 * not end up in a file.
 */
public final class Settings {
    /** A setting with its system property and environment variable names. */
    public enum Key {
        /** {@code api_key}. */
        API_KEY("api-key", "openai.apiKey", "OPENAI_API_KEY", false),
        /** {@code base_url}. */
        BASE_URL("base-url", "openai.baseUrl", "OPENAI_BASE_URL", true),
        /** {@code profile}. */
        PROFILE("profile", "sora4j.profile", "SORA4J_PROFILE", true),
        /** {@code auth_header}. */
        AUTH_HEADER("auth-header", "sora4j.authHeader", "SORA4J_AUTH_HEADER", true),
        /** {@code home}. */
        HOME("home", "sora4j.home", "SORA4J_HOME", false),
        /** {@code ledger}. */
        LEDGER("ledger", "sora4j.ledger", "SORA4J_LEDGER", true),
        /** The webhook signing secret: environment or system property only, never the config file. */
        WEBHOOK_SECRET("webhook-secret", "sora4j.webhookSecret", "SORA4J_WEBHOOK_SECRET", false),
        /**
         * The provider profile ({@code openai}, {@code azure}, {@code litellm}, {@code vllm-omni}, ...);
         * per-provider values live in the config file as {@code provider.NAME.base-url}.
         */
        PROVIDER("provider", "sora4j.provider", "SORA4J_PROVIDER", true),
        /** The Batch API's discount on the standard price for estimates (0.5 = half price). */
        BATCH_DISCOUNT("batch-discount", "sora4j.batchDiscount", "SORA4J_BATCH_DISCOUNT", true),
        /**
         * Extra guardrail rule files or directories, comma-separated, added to the shipped rules and
         * {@code <home>/guardrails/*.txt}.
         */
        GUARDRAILS("guardrails", "sora4j.guardrails", "SORA4J_GUARDRAILS", true);

        final String fileKey;
        final String property;
        final String env;
        final boolean fromFile;

        Key(String fileKey, String property, String env, boolean fromFile) {
            this.fileKey = fileKey;
            this.property = property;
            this.env = env;
            this.fromFile = fromFile;
        }

        /**
         * The environment variable that holds this setting.
         *
         * @return the environment variables
         */
        public String env() {
            return env;
        }
    }

    private final Map<String, String> env;
    private final Properties system;
    private final Properties file;
    private final Path home;

    private Settings(Map<String, String> env, Properties system, Properties file, Path home) {
        this.env = env;
        this.system = system;
        this.file = file;
        this.home = home;
    }

    /**
     * Reads the given environment and system properties, then the config file under the resolved home.
     *
     * @param env the environment variables
     * @param system the system properties
     * @return the load
     * @throws ConfigException when the config file cannot be read
     */
    public static Settings load(Map<String, String> env, Properties system) {
        Settings bootstrap = new Settings(env, system, new Properties(), null);
        Path home =
                bootstrap.raw(Key.HOME).map(Path::of).orElse(Path.of(system.getProperty("user.home", "."), ".sora4j"));
        Properties file = new Properties();
        Path config = home.resolve("config.properties");
        if (Files.isRegularFile(config)) {
            try (InputStream in = Files.newInputStream(config)) {
                file.load(in);
            } catch (IOException e) {
                throw new ConfigException("Cannot read " + config + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                // Properties.load's only complaint: a broken backslash-u escape somewhere in the file.
                throw new ConfigException("config file " + config
                        + " has a malformed \\uXXXX escape; fix or remove that backslash (write \\\\ for one).");
            }
        }
        return new Settings(env, system, file, home);
    }

    /**
     * The settings of this process.
     *
     * @return the from process
     */
    public static Settings fromProcess() {
        return load(System.getenv(), System.getProperties());
    }

    /**
     * The data directory, {@code ~/.sora4j} unless {@code SORA4J_HOME} says otherwise.
     *
     * @return the home
     */
    public Path home() {
        return home;
    }

    /**
     * A setting's value: system property, then environment, then the config file (if the setting may live there).
     *
     * @param key the setting
     * @return the get
     */
    public Optional<String> get(Key key) {
        Optional<String> v = raw(key);
        if (v.isPresent() || !key.fromFile) {
            return v;
        }
        return Optional.ofNullable(file.getProperty(key.fileKey))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    private Optional<String> raw(Key key) {
        String p = system.getProperty(key.property);
        if (p != null && !p.isBlank()) {
            return Optional.of(p.strip());
        }
        String e = env.get(key.env);
        if (e != null && !e.isBlank()) {
            return Optional.of(e.strip());
        }
        return Optional.empty();
    }

    /**
     * Where {@link #get} finds {@code key}'s value, for error messages: {@code "OPENAI_BASE_URL"},
     * {@code "system property openai.baseUrl"} or {@code "config file /home/me/.sora4j/config.properties, key base-url"};
     * {@code "default"} when it is not set.
     *
     * @param key the setting
     * @return a human-readable description of where the value comes from
     */
    public String origin(Key key) {
        String p = system.getProperty(key.property);
        if (p != null && !p.isBlank()) {
            return "system property " + key.property;
        }
        String e = env.get(key.env);
        if (e != null && !e.isBlank()) {
            return key.env;
        }
        if (key.fromFile && file.getProperty(key.fileKey) != null) {
            return "config file " + home.resolve("config.properties") + ", key " + key.fileKey;
        }
        return "default";
    }

    /**
     * An environment variable as this settings object sees it (a provider's key variable, e.g.
     * {@code AZURE_OPENAI_API_KEY}).
     *
     * @param name the variable
     * @return its non-blank value, stripped
     */
    public Optional<String> env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /**
     * A per-provider config-file value, {@code provider.NAME.KEY} (e.g. {@code provider.litellm.base-url}).
     *
     * @param provider the provider's name as configured
     * @param key the long option name, e.g. {@code base-url}
     * @return the value, stripped, when set
     */
    public Optional<String> providerEntry(String provider, String key) {
        return Optional.ofNullable(file.getProperty("provider." + provider + "." + key))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
    }

    /**
     * The config-file key of a per-provider value, for messages.
     *
     * @param provider the provider's name
     * @param key the long option name
     * @return {@code provider.NAME.KEY}
     */
    public static String providerKey(String provider, String key) {
        return "provider." + provider + "." + key;
    }

    /**
     * Config-file entries whose key starts with {@code prefix} (e.g. {@code price.}), as written.
     *
     * @param prefix the key prefix, e.g. {@code price.}
     * @return the file entries
     */
    public Map<String, String> fileEntries(String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                out.put(key, file.getProperty(key));
            }
        }
        return out;
    }
}
