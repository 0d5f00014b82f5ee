package dev.sora4j.emulator.config;

import java.util.Objects;

/**
 * What the emulated server accepts and how fast it serves.
 *
 * @param profile which validation limits it enforces
 * @param rateLimits requests per minute per model on the POST video routes
 * @param contentBytesPerSecond throttles content downloads (0 = unthrottled); simulates slow links
 */
public record LimitsConfig(EmulatorProfile profile, RateLimits rateLimits, long contentBytesPerSecond) {
    public LimitsConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (contentBytesPerSecond < 0) {
            throw new IllegalArgumentException("contentBytesPerSecond must be >= 0, got " + contentBytesPerSecond);
        }
    }

    /** The guide's limits, no rate limits, unthrottled. */
    public static LimitsConfig defaults() {
        return new LimitsConfig(EmulatorProfile.GUIDE, RateLimits.none(), 0);
    }
}
