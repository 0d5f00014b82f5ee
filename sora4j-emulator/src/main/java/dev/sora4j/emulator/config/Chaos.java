package dev.sora4j.emulator.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Probabilistic faults, all off by default. Random draws come from {@code seed}, so a run can be
 * repeated exactly.
 *
 * @param errorRates probability of an injected 5xx per route ({@code "POST /v1/videos"},
 *     {@code "GET /v1/videos/{id}"}, ...; {@code "*"} for every route)
 * @param errorStatuses the statuses drawn from for an injected error, e.g. 500, 502, 503
 * @param shouldRetry the {@code x-should-retry} header on injected errors, or null to omit it
 * @param latency added before every answer
 * @param jitter up to this much more, drawn uniformly
 * @param resetBeforeHeaders probability that a request's connection is closed before any response
 * @param resetAfterHeaders probability that a content download's connection is closed right after its
 *     headers and a first slice of the body
 * @param truncateContent probability that a content download stops halfway through its declared length
 * @param jobFailure probability that a new job ends {@code failed} (with an error object) instead of completing
 */
public record Chaos(
        Map<String, Double> errorRates,
        List<Integer> errorStatuses,
        Boolean shouldRetry,
        Duration latency,
        Duration jitter,
        double resetBeforeHeaders,
        double resetAfterHeaders,
        double truncateContent,
        double jobFailure,
        long seed) {

    public Chaos {
        errorRates = Map.copyOf(errorRates);
        errorStatuses = List.copyOf(errorStatuses);
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(jitter, "jitter");
        errorRates.values().forEach(Chaos::checkProbability);
        for (double p : new double[] {resetBeforeHeaders, resetAfterHeaders, truncateContent, jobFailure}) {
            checkProbability(p);
        }
        if (errorStatuses.isEmpty()) {
            throw new IllegalArgumentException("errorStatuses must not be empty");
        }
    }

    public static Chaos none() {
        return new Chaos(Map.of(), List.of(500, 502, 503), null, Duration.ZERO, Duration.ZERO, 0, 0, 0, 0, 1);
    }

    public Chaos withErrorRate(String route, double probability) {
        Map<String, Double> rates = new java.util.LinkedHashMap<>(errorRates);
        rates.put(route, probability);
        return new Chaos(
                rates,
                errorStatuses,
                shouldRetry,
                latency,
                jitter,
                resetBeforeHeaders,
                resetAfterHeaders,
                truncateContent,
                jobFailure,
                seed);
    }

    public Chaos withLatency(Duration fixed, Duration upTo) {
        return new Chaos(
                errorRates,
                errorStatuses,
                shouldRetry,
                fixed,
                upTo,
                resetBeforeHeaders,
                resetAfterHeaders,
                truncateContent,
                jobFailure,
                seed);
    }

    public Chaos withResets(double beforeHeaders, double afterHeaders) {
        return new Chaos(
                errorRates,
                errorStatuses,
                shouldRetry,
                latency,
                jitter,
                beforeHeaders,
                afterHeaders,
                truncateContent,
                jobFailure,
                seed);
    }

    public Chaos withTruncatedContent(double probability) {
        return new Chaos(
                errorRates,
                errorStatuses,
                shouldRetry,
                latency,
                jitter,
                resetBeforeHeaders,
                resetAfterHeaders,
                probability,
                jobFailure,
                seed);
    }

    public Chaos withJobFailures(double probability) {
        return new Chaos(
                errorRates,
                errorStatuses,
                shouldRetry,
                latency,
                jitter,
                resetBeforeHeaders,
                resetAfterHeaders,
                truncateContent,
                probability,
                seed);
    }

    public Chaos withShouldRetry(Boolean value) {
        return new Chaos(
                errorRates,
                errorStatuses,
                value,
                latency,
                jitter,
                resetBeforeHeaders,
                resetAfterHeaders,
                truncateContent,
                jobFailure,
                seed);
    }

    public Chaos withErrorStatuses(List<Integer> statuses) {
        return new Chaos(
                errorRates,
                statuses,
                shouldRetry,
                latency,
                jitter,
                resetBeforeHeaders,
                resetAfterHeaders,
                truncateContent,
                jobFailure,
                seed);
    }

    public Chaos withSeed(long value) {
        return new Chaos(
                errorRates,
                errorStatuses,
                shouldRetry,
                latency,
                jitter,
                resetBeforeHeaders,
                resetAfterHeaders,
                truncateContent,
                jobFailure,
                value);
    }

    private static void checkProbability(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a probability must be between 0 and 1, got " + p);
        }
    }
}
