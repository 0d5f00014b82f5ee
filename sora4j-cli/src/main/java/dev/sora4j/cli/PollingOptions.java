package dev.sora4j.cli;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.options.PollOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --poll-interval} and {@code --timeout}, in seconds. */
final class PollingOptions {
    /** Against the local emulator a job finishes in seconds, so waiting 10 s between polls wastes time. */
    static final Duration OFFLINE_INTERVAL = Duration.ofSeconds(1);

    @Option(
            names = "--poll-interval",
            paramLabel = "SECONDS",
            description = "Seconds between status checks (default 10; 1 with --offline).")
    Double pollInterval;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Stop waiting after this many seconds (the job continues).")
    Double timeout;

    PollOptions toOptions(boolean offline) {
        if (pollInterval != null && !(pollInterval > 0)) {
            throw InvalidRequestException.of("poll_interval", " must be > 0, got " + pollInterval);
        }
        if (timeout != null && !(timeout > 0)) {
            throw InvalidRequestException.of("timeout", " must be > 0, got " + timeout);
        }
        Duration interval = pollInterval != null
                ? seconds(pollInterval)
                : offline ? OFFLINE_INTERVAL : PollOptions.DEFAULT_INTERVAL;
        return new PollOptions(interval, timeout == null ? null : seconds(timeout));
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }
}
