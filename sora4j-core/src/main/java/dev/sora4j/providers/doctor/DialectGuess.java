package dev.sora4j.providers.doctor;

import dev.sora4j.providers.ProviderProfile;
import java.util.List;
import java.util.Optional;

/**
 * {@code sora doctor}'s verdict: the dialect an endpoint speaks, how sure, and why.
 *
 * @param provider the best match, empty when nothing pointed anywhere
 * @param confidence how clearly it beat the others
 * @param reasons the signals seen, one line each, strongest first
 * @param alternatives other providers that scored close to the best
 */
public record DialectGuess(
        Optional<ProviderProfile> provider, Confidence confidence, List<String> reasons, List<String> alternatives) {
    /** How clearly the guess beat the rest. */
    public enum Confidence {
        /** A strong signal and a clear lead over the runner-up. */
        HIGH,
        /** Some signal and a modest lead. */
        MEDIUM,
        /** A best match, but others scored close. */
        LOW,
        /** No signal pointed at any provider. */
        NONE
    }

    /**
     * Copies {@code reasons} and {@code alternatives} into unmodifiable lists.
     *
     * @param provider the best match, empty when nothing pointed anywhere
     * @param confidence how clearly it beat the others
     * @param reasons the signals seen, one line each, strongest first
     * @param alternatives other providers that scored close to the best
     */
    public DialectGuess {
        reasons = List.copyOf(reasons);
        alternatives = List.copyOf(alternatives);
    }

    /**
     * What to configure, one line: the provider setting in its three spellings and the key variable.
     *
     * @return the advice line; a generic hint when no provider was recognised
     */
    public String advice() {
        if (provider.isEmpty()) {
            return "no known dialect recognised; try --provider openai with --profile open, or name the server's provider";
        }
        ProviderProfile p = provider.get();
        return "set --provider " + p.name() + " (or SORA4J_PROVIDER=" + p.name() + ", or provider=" + p.name()
                + " in config.properties); the key goes in "
                + String.join(" or ", p.auth().envVars());
    }
}
