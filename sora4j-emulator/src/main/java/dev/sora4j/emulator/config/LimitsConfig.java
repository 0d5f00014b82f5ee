package dev.sora4j.emulator.config;

import java.util.Objects;

/**
 * What the emulated server accepts and how fast it serves.
 *
 * @param profile which validation limits it enforces
 * @param rateLimits requests per minute per model on the POST video routes
 * @param contentBytesPerSecond throttles content downloads (0 = unthrottled); simulates slow links
 * @param maxJsonBytes the largest JSON (non-multipart) request body; larger ones get 413
 * @param maxUploadBytes the largest multipart request body (all parts); larger ones get 413
 * @param maxBatchLines the most requests one Batch API input file may hold
 */
public record LimitsConfig(
        EmulatorProfile profile,
        RateLimits rateLimits,
        long contentBytesPerSecond,
        long maxJsonBytes,
        long maxUploadBytes,
        int maxBatchLines) {
    public LimitsConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (contentBytesPerSecond < 0) {
            throw new IllegalArgumentException("contentBytesPerSecond must be >= 0, got " + contentBytesPerSecond);
        }
        if (maxJsonBytes < 1 || maxUploadBytes < 1 || maxBatchLines < 1) {
            throw new IllegalArgumentException("body and batch limits must be >= 1");
        }
    }

    /**
     * The guide's limits, no rate limits, unthrottled; JSON bodies up to 1 MiB, uploads up to 620 MiB
     * (a 512 MB file plus its form), 50,000 lines per batch (the Batch API's limit).
     */
    public static LimitsConfig defaults() {
        return new LimitsConfig(EmulatorProfile.GUIDE, RateLimits.none(), 0, 1L << 20, 620L << 20, 50_000);
    }

    public LimitsConfig withProfile(EmulatorProfile value) {
        return new LimitsConfig(value, rateLimits, contentBytesPerSecond, maxJsonBytes, maxUploadBytes, maxBatchLines);
    }

    public LimitsConfig withRateLimits(RateLimits value) {
        return new LimitsConfig(profile, value, contentBytesPerSecond, maxJsonBytes, maxUploadBytes, maxBatchLines);
    }

    public LimitsConfig withContentBytesPerSecond(long value) {
        return new LimitsConfig(profile, rateLimits, value, maxJsonBytes, maxUploadBytes, maxBatchLines);
    }

    public LimitsConfig withBodyLimits(long json, long upload) {
        return new LimitsConfig(profile, rateLimits, contentBytesPerSecond, json, upload, maxBatchLines);
    }

    public LimitsConfig withMaxBatchLines(int value) {
        return new LimitsConfig(profile, rateLimits, contentBytesPerSecond, maxJsonBytes, maxUploadBytes, value);
    }
}
