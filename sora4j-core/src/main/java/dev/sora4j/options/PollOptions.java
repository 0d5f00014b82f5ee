package dev.sora4j.options;

import static dev.sora4j.errors.SoraException.ref;

import dev.sora4j.errors.InvalidRequestException;
import java.time.Duration;
import java.util.Optional;

/**
 * How to wait for a job.
 *
 * @param interval time between status requests (the guide suggests 10-20 s against the real service)
 * @param timeout give up waiting after this long, or null to wait until the job ends
 */
public record PollOptions(Duration interval, Duration timeout) {
    /** The default wait between status requests. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    /**
     * Checks the components.
     *
     * @param interval time between status requests (the guide suggests 10-20 s against the real service)
     * @param timeout give up waiting after this long, or null to wait until the job ends
     */
    public PollOptions {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new InvalidRequestException("poll_interval", ref("poll_interval") + " must be > 0");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new InvalidRequestException("timeout", ref("timeout") + " must be > 0");
        }
    }

    /**
     * What every line gets unless it says otherwise.
     *
     * @return a 10 s interval and no timeout
     */
    public static PollOptions defaults() {
        return new PollOptions(DEFAULT_INTERVAL, null);
    }

    /**
     * The timeout.
     *
     * @return the timeout if set
     */
    public Optional<Duration> timeoutIfSet() {
        return Optional.ofNullable(timeout);
    }
}
