package dev.sora4j.providers.doctor;

import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code sora doctor}'s work without its printing: sends {@link ProbePlan#standard()} to an endpoint
 * with the configured provider's key (if its variable is set), then asks {@link DialectGuesser}
 * which dialect answered. Never creates, changes or deletes anything.
 */
public final class EndpointDoctor {
    private final Providers providers;
    private final EndpointProbe probe;

    /**
     * A doctor that guesses among {@code providers} and sends probes with {@code probe}.
     *
     * @param providers the profiles the guess may name
     * @param probe sends the probe requests
     */
    public EndpointDoctor(Providers providers, EndpointProbe probe) {
        this.providers = providers;
        this.probe = probe;
    }

    /**
     * Probes an endpoint and guesses its dialect.
     *
     * @param baseUrl the API root to examine
     * @param configured the provider in use (its key variables and header are used for the probes)
     * @param env where the key variables are read; only the configured provider's are looked at
     * @return the probe results, the guess and where the key came from (never the key itself)
     */
    public DoctorReport examine(String baseUrl, ProviderProfile configured, Map<String, String> env) {
        Optional<String> keyVariable = configured.auth().envVars().stream()
                .filter(v -> env.get(v) != null && !env.get(v).isBlank())
                .findFirst();
        Optional<Map.Entry<String, String>> credential =
                configured.auth().keyFrom(env).flatMap(k -> configured.auth().header(k));
        List<ProbeResult> results = probe.run(baseUrl, ProbePlan.standard(), credential);
        List<Observation> observations =
                results.stream().map(ProbeResult::observation).toList();
        DialectGuess guess = new DialectGuesser(providers).guess(baseUrl, observations, OptionalInt.empty());
        return new DoctorReport(
                baseUrl, configured, keyVariable, configured.auth().scheme().header(), results, guess);
    }
}
