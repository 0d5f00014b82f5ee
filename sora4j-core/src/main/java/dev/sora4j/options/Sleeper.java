package dev.sora4j.options;

import java.time.Duration;

/** Waits between polls; injected so tests advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
