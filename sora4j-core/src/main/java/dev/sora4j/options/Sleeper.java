package dev.sora4j.options;

import java.time.Duration;

/** Waits between polls; injected so tests advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Sleeps on the calling thread.
     *
     * @return a sleeper using {@link Thread#sleep(long)}
     */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
