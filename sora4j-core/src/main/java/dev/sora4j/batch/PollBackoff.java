package dev.sora4j.batch;

import java.time.Duration;

/**
 * The wait between tracking rounds: the poll interval after a change, growing by half up to four
 * times it while nothing changes, and never shorter than the longest hint the server gave.
 */
final class PollBackoff {
    private final Duration shortest;
    private final Duration longest;
    private Duration interval;

    PollBackoff(Duration pollInterval) {
        this.shortest = pollInterval;
        this.longest = pollInterval.multipliedBy(4);
        this.interval = pollInterval;
    }

    /** The next wait, after a round that did or did not see a change. */
    Duration next(boolean changed, Duration serverHint) {
        interval = changed ? shortest : min(longest, Duration.ofMillis(interval.toMillis() * 3 / 2));
        // The server asked for this much patience.
        return serverHint.compareTo(interval) > 0 ? serverHint : interval;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
