package dev.sora4j.emulator.config;

import java.util.List;
import java.util.Objects;

/**
 * Failures the emulator injects on purpose.
 *
 * @param rules deterministic failures, e.g. every third create answers 429
 * @param chaos probabilistic faults (off by default)
 */
public record FaultConfig(List<FaultRule> rules, Chaos chaos) {
    public FaultConfig {
        rules = List.copyOf(rules);
        Objects.requireNonNull(chaos, "chaos");
    }

    public static FaultConfig none() {
        return new FaultConfig(List.of(), Chaos.none());
    }
}
