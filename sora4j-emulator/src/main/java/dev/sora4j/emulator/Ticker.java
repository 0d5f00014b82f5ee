package dev.sora4j.emulator;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task at a fixed delay on a daemon thread. A task that throws anything (an {@link Error}
 * included) is logged and run again next time: one bad round must not stop background work for
 * good, as it would in a bare {@link ScheduledExecutorService}.
 */
final class Ticker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final String name;
    private final Duration period;
    private final Runnable task;
    private final ScheduledExecutorService executor;

    Ticker(String name, Duration period, Runnable task) {
        this.name = name;
        this.period = period;
        this.task = task;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        long ms = period.toMillis();
        executor.scheduleWithFixedDelay(this::runSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.error("{}: a background round failed; the next round runs as usual", name, t);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
