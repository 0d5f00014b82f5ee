package dev.sora4j.emulator.faults;

import dev.sora4j.emulator.config.RateLimits;
import dev.sora4j.emulator.http.ApiError;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute per model, over a sliding one-minute window on the emulator's clock. Every
 * answer carries {@code x-ratelimit-limit-requests}, {@code x-ratelimit-remaining-requests} and
 * {@code x-ratelimit-reset-requests}; past the limit it answers 429 with {@code retry-after} and
 * {@code retry-after-ms}, as the service does.
 */
public final class RateLimiter {
    private static final long WINDOW_MS = 60_000;

    private final RateLimits limits;
    private final Clock clock;
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();

    public RateLimiter(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts one request for {@code model}, or throws the 429 when its window is full. */
    public void acquire(Context ctx, String model) {
        int limit = limits.limitFor(model);
        if (limit == 0) {
            return;
        }
        Deque<Long> window = windows.computeIfAbsent(familyKey(model), k -> new ArrayDeque<>());
        long now = clock.millis();
        long waitMs;
        int remaining;
        synchronized (window) {
            while (!window.isEmpty() && window.peekFirst() <= now - WINDOW_MS) {
                window.pollFirst();
            }
            if (window.size() < limit) {
                window.addLast(now);
                remaining = limit - window.size();
                waitMs = 0;
            } else {
                remaining = 0;
                waitMs = window.peekFirst() + WINDOW_MS - now;
            }
        }
        long resetMs = waitMs > 0 ? waitMs : WINDOW_MS / limit;
        ctx.header("x-ratelimit-limit-requests", Integer.toString(limit));
        ctx.header("x-ratelimit-remaining-requests", Integer.toString(remaining));
        ctx.header("x-ratelimit-reset-requests", formatDuration(resetMs));
        if (waitMs > 0) {
            long seconds = Math.max(1, (waitMs + 999) / 1000);
            ctx.header("retry-after", Long.toString(seconds));
            ctx.header("retry-after-ms", Long.toString(waitMs));
            throw new ApiError(
                    429,
                    "requests",
                    null,
                    "rate_limit_exceeded",
                    "Rate limit reached for " + model
                            + " on requests per min (RPM): Limit " + limit + ", Used " + limit + ", Requested 1. "
                            + "Please try again in " + formatDuration(waitMs) + ".");
        }
    }

    public void reset() {
        windows.clear();
    }

    /** Dated snapshots share their family's window, as they share its limit. */
    private String familyKey(String model) {
        return model.startsWith("sora-2-pro") ? "sora-2-pro" : model.startsWith("sora-2") ? "sora-2" : model;
    }

    /** The service's style: {@code 1.2s}, {@code 850ms}, {@code 1m3s}. */
    public static String formatDuration(long ms) {
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.3fs", ms / 1000.0).replaceAll("\\.?0+s$", "s");
        }
        return (ms / 60_000) + "m" + ((ms % 60_000) / 1000) + "s";
    }
}
