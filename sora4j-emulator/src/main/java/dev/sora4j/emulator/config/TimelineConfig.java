package dev.sora4j.emulator.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a job moves through {@code queued → in_progress → completed} and how long its assets live.
 *
 * @param speed how much faster than the durations below the timeline runs; 2.0 halves every wait
 * @param queuedFor how long a new job stays {@code queued}
 * @param renderBase fixed part of the {@code in_progress} phase
 * @param renderPerClipSecond added to the {@code in_progress} phase per second of requested video
 * @param assetTtl how long after completion the content stays downloadable ({@code expires_at})
 */
public record TimelineConfig(
        double speed, Duration queuedFor, Duration renderBase, Duration renderPerClipSecond, Duration assetTtl) {
    public TimelineConfig {
        Objects.requireNonNull(queuedFor, "queuedFor");
        Objects.requireNonNull(renderBase, "renderBase");
        Objects.requireNonNull(renderPerClipSecond, "renderPerClipSecond");
        Objects.requireNonNull(assetTtl, "assetTtl");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
    }

    /** A 4 s clip is queued for 1 s and in progress for 2 s; assets live 1 h. */
    public static TimelineConfig defaults() {
        return new TimelineConfig(
                1.0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofHours(1));
    }

    /** {@code millis} of nominal time at this speed. */
    public long scaled(long millis) {
        return Math.round(millis / speed);
    }
}
