package dev.sora4j.providers.doctor;

import dev.sora4j.providers.Auth;
import dev.sora4j.providers.ProviderProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link EndpointDoctor} found. Holds no secret: the key's variable name, never its value.
 *
 * @param baseUrl the endpoint examined (not redacted; print it redacted)
 * @param configured the provider whose key and header the probes used
 * @param keyVariable the variable the key came from, empty when none of the provider's was set
 * @param credentialHeader the header the key travelled in (when one was set)
 * @param results every probe and its answer, in plan order
 * @param guess the dialect the answers point to
 */
public record DoctorReport(
        String baseUrl,
        ProviderProfile configured,
        Optional<String> keyVariable,
        String credentialHeader,
        List<ProbeResult> results,
        DialectGuess guess) {
    /** The overall outcome, which decides {@code sora doctor}'s exit code. */
    public enum Verdict {
        /** Reachable and the key (or no key) was accepted. */
        OK,
        /** Reachable, but the server refused the probes with 401/403 (or wants a key none was sent). */
        AUTH,
        /** No probe got an answer. */
        UNREACHABLE
    }

    /**
     * Copies {@code results} into an unmodifiable list.
     *
     * @param baseUrl the endpoint examined (not redacted; print it redacted)
     * @param configured the provider whose key and header the probes used
     * @param keyVariable the variable the key came from, empty when none of the provider's was set
     * @param credentialHeader the header the key travelled in (when one was set)
     * @param results every probe and its answer, in plan order
     * @param guess the dialect the answers point to
     */
    public DoctorReport {
        results = List.copyOf(results);
    }

    /**
     * Whether the endpoint answered at all.
     *
     * @return true when at least one probe got an answer
     */
    public boolean reachable() {
        return results.stream().anyMatch(ProbeResult::answered);
    }

    /**
     * Whether the server refused the credential: the list or unknown-job probe (routes every server
     * guards) answered 401 or 403. A public route (OpenRouter's model catalogue) does not count.
     *
     * @return true when a guarded probe answered 401 or 403
     */
    public boolean authRefused() {
        return results.stream()
                .filter(r -> r.probe().path().equals(ProbePlan.LIST)
                        || r.probe().path().equals(ProbePlan.MISSING_JOB))
                .anyMatch(ProbeResult::authRefused);
    }

    /**
     * The overall outcome.
     *
     * @return {@link Verdict#UNREACHABLE} without any answer, else {@link Verdict#AUTH} when the
     *     credential was refused, else {@link Verdict#OK}
     */
    public Verdict verdict() {
        if (!reachable()) {
            return Verdict.UNREACHABLE;
        }
        return authRefused() ? Verdict.AUTH : Verdict.OK;
    }

    /**
     * Why the endpoint could not be reached: the first probe's failure.
     *
     * @return the first non-empty failure reason, or an empty string when there is none
     */
    public String unreachableReason() {
        return results.stream()
                .map(ProbeResult::failure)
                .filter(f -> !f.isEmpty())
                .findFirst()
                .orElse("");
    }

    /**
     * How the provider's key travels, e.g. {@code Authorization: Bearer <key>} (a placeholder, never the key).
     *
     * @param p the provider
     * @return the header name and a value with {@code <key>} as placeholder
     */
    public static String headerForm(ProviderProfile p) {
        return p.auth().scheme() == Auth.Scheme.BEARER
                ? p.auth().scheme().header() + ": Bearer <key>"
                : p.auth().scheme().header() + ": <key>";
    }

    /**
     * The provider to configure: the guess, else the configured one.
     *
     * @return the guessed provider, or {@link #configured()} when nothing was guessed
     */
    public ProviderProfile suggested() {
        return guess.provider().orElse(configured);
    }

    /**
     * What to set, one line each: the provider and base URL flags, the config-file lines, the key
     * variable, and a warning when the base URL's path does not fit the provider.
     *
     * @param printableBaseUrl the base URL as it may be printed (redacted if needed)
     * @return the lines to print, in order
     */
    public List<String> whatToSet(String printableBaseUrl) {
        ProviderProfile p = suggested();
        List<String> lines = new ArrayList<>();
        lines.add("--provider " + p.name() + " --base-url " + printableBaseUrl);
        lines.add("or in ~/.sora4j/config.properties: provider=" + p.name() + " and provider." + p.name() + ".base-url="
                + printableBaseUrl);
        String vars = String.join(" or ", p.auth().envVars());
        lines.add(
                switch (p.auth().need()) {
                    case REQUIRED ->
                        "the key in " + vars + " (sent as " + p.auth().scheme().header() + ")";
                    case OPTIONAL ->
                        "the key, if the server wants one, in " + vars + " (sent as "
                                + p.auth().scheme().header() + ")";
                });
        p.endpoint().check(printableBaseUrl).ifPresent(w -> lines.add("check the base URL: " + w));
        return lines;
    }
}
