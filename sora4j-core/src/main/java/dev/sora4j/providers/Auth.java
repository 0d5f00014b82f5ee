package dev.sora4j.providers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a provider's credential travels and where sora4j finds it. Each provider reads only its own
 * environment variables: an {@code OPENAI_API_KEY} is never sent to a gateway that did not ask for it.
 *
 * @param scheme the header form
 * @param envVars the variables holding the key, first found wins
 * @param need whether a request without a key makes sense
 * @param note alternatives the server also accepts (e.g. LiteLLM's {@code x-litellm-api-key}), for docs
 */
public record Auth(Scheme scheme, List<String> envVars, Need need, String note) {
    /** The header form of the credential. */
    public enum Scheme {
        /** {@code Authorization: Bearer <key>}. */
        BEARER("Authorization"),
        /** {@code api-key: <key>} (Azure, providers.md §5). */
        API_KEY("api-key");

        private final String header;

        Scheme(String header) {
            this.header = header;
        }

        /**
         * The HTTP header that carries the credential.
         *
         * @return the header name, e.g. {@code Authorization}
         */
        public String header() {
            return header;
        }
    }

    /** Whether the provider needs a key. */
    public enum Need {
        /** No key, no service: refuse before sending (exit 4). */
        REQUIRED,
        /** Servers run with or without one (vLLM {@code --api-key}, a LiteLLM proxy without master key): send it when set. */
        OPTIONAL
    }

    /**
     * Copies {@code envVars} and turns a null {@code note} into an empty string.
     *
     * @param scheme the header form
     * @param envVars the variables holding the key, first found wins
     * @param need whether a request without a key makes sense
     * @param note alternatives the server also accepts (e.g. LiteLLM's {@code x-litellm-api-key}), for docs
     */
    public Auth {
        envVars = List.copyOf(envVars);
        note = note == null ? "" : note;
    }

    /**
     * The key from the first set, non-blank variable.
     *
     * @param env the environment to read, variable name to value
     * @return the stripped key, or empty when none of {@link #envVars()} is set
     */
    public Optional<String> keyFrom(Map<String, String> env) {
        for (String name : envVars) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    /**
     * The header name and value to send; empty without a key. The value is a secret: never log it.
     *
     * @param key the API key, may be null or blank
     * @return the header name and value, or empty when {@code key} is null or blank
     */
    public Optional<Map.Entry<String, String>> header(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String value = scheme == Scheme.BEARER ? "Bearer " + key.strip() : key.strip();
        return Optional.of(Map.entry(scheme.header(), value));
    }

    /**
     * The line printed when a required key is missing.
     *
     * @param providerName the provider's name, as the user wrote it
     * @return a message naming the provider and the variables to set
     */
    public String missingKeyMessage(String providerName) {

        return "provider " + providerName + " needs an API key: set " + String.join(" or ", envVars)
                + " (the key is never read from a flag)";
    }
}
