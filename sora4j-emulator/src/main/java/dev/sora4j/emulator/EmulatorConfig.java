package dev.sora4j.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the emulator needs, fixed before it starts.
 *
 * @param stateDir where jobs and rendered media persist; separate processes that share it see the same jobs
 * @param clock the emulator's time source (tests inject a manual clock instead of sleeping)
 * @param speed how much faster than {@code queuedFor}/{@code renderBase}/{@code renderPerClipSecond} the
 *     timeline runs; 2.0 halves every wait
 * @param queuedFor how long a new job stays {@code queued}
 * @param renderBase fixed part of the {@code in_progress} phase
 * @param renderPerClipSecond added to the {@code in_progress} phase per second of requested video
 * @param assetTtl how long after completion the content stays downloadable ({@code expires_at})
 * @param renderThreads how many clips are encoded at once
 * @param contentBytesPerSecond throttles content downloads (0 = unthrottled); used to simulate slow links
 * @param profile which limits the emulated server enforces
 * @param faults deterministic failures, e.g. every third create answers 429
 */
public record EmulatorConfig(
        Path stateDir,
        Clock clock,
        double speed,
        Duration queuedFor,
        Duration renderBase,
        Duration renderPerClipSecond,
        Duration assetTtl,
        int renderThreads,
        long contentBytesPerSecond,
        EmulatorProfile profile,
        List<FaultRule> faults) {

    public EmulatorConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(profile, "profile");
        faults = List.copyOf(faults);
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
        if (renderThreads < 1) {
            throw new IllegalArgumentException("renderThreads must be >= 1, got " + renderThreads);
        }
    }

    /** Defaults: a 4 s clip is queued for 1 s and in progress for 2 s, assets live 1 h. */
    public static EmulatorConfig defaults(Path stateDir) {
        return new EmulatorConfig(stateDir, Clock.systemUTC(), 1.0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofHours(1), 1, 0, EmulatorProfile.GUIDE, List.of());
    }

    public EmulatorConfig withClock(Clock value) {
        return new EmulatorConfig(stateDir, value, speed, queuedFor, renderBase, renderPerClipSecond, assetTtl,
                renderThreads, contentBytesPerSecond, profile, faults);
    }

    public EmulatorConfig withSpeed(double value) {
        return new EmulatorConfig(stateDir, clock, value, queuedFor, renderBase, renderPerClipSecond, assetTtl,
                renderThreads, contentBytesPerSecond, profile, faults);
    }

    public EmulatorConfig withContentBytesPerSecond(long value) {
        return new EmulatorConfig(stateDir, clock, speed, queuedFor, renderBase, renderPerClipSecond, assetTtl,
                renderThreads, value, profile, faults);
    }

    public EmulatorConfig withAssetTtl(Duration value) {
        return new EmulatorConfig(stateDir, clock, speed, queuedFor, renderBase, renderPerClipSecond, value,
                renderThreads, contentBytesPerSecond, profile, faults);
    }

    public EmulatorConfig withProfile(EmulatorProfile value) {
        return new EmulatorConfig(stateDir, clock, speed, queuedFor, renderBase, renderPerClipSecond, assetTtl,
                renderThreads, contentBytesPerSecond, value, faults);
    }

    public EmulatorConfig withFaults(List<FaultRule> value) {
        return new EmulatorConfig(stateDir, clock, speed, queuedFor, renderBase, renderPerClipSecond, assetTtl,
                renderThreads, contentBytesPerSecond, profile, value);
    }
}
