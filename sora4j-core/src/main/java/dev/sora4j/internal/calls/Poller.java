package dev.sora4j.internal.calls;

import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.errors.WaitTimeoutException;
import dev.sora4j.model.VideoJob;
import dev.sora4j.options.PollListener;
import dev.sora4j.options.PollOptions;
import dev.sora4j.options.Sleeper;
import dev.sora4j.spi.VideoGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Polls a job until it reaches a terminal status. */
public final class Poller {
    private final VideoGateway gateway;
    private final Clock clock;
    private final Sleeper sleeper;

    public Poller(VideoGateway gateway, Clock clock, Sleeper sleeper) {
        this.gateway = gateway;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Returns the job once terminal (completed, failed, expired, cancelled). Unknown statuses are
     * reported once each through the listener and waited out.
     *
     * @throws WaitTimeoutException when {@code options.timeout()} passes first
     */
    public VideoJob waitFor(String videoId, PollOptions options, PollListener listener) {
        Instant deadline = options.timeout() == null ? null : clock.instant().plus(options.timeout());
        Set<String> warned = new HashSet<>();
        while (true) {
            VideoJob job = gateway.retrieve(videoId);
            listener.onUpdate(job);
            if (!job.status().isKnown() && warned.add(job.status().value())) {
                listener.onUnknownStatus(job);
            }
            if (job.status().isTerminal()) {
                return job;
            }
            Duration wait = options.interval();
            // Never poll sooner than the server asked to.
            Duration hint = gateway.pollAfter(videoId).orElse(Duration.ZERO);
            if (hint.compareTo(wait) > 0) {
                wait = hint;
            }
            if (deadline != null) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new WaitTimeoutException(job, options.timeout());
                }
                if (left.compareTo(wait) < 0) {
                    wait = left;
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SoraInterruptedException(
                        "Interrupted while waiting for " + videoId + "; the job continues.", e);
            }
        }
    }
}
