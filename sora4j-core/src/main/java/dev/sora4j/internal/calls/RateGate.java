package dev.sora4j.internal.calls;

import dev.sora4j.options.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request-rate limit shared by all workers. It spaces requests evenly at the configured rate,
 * lowers the rate to the server's {@code x-ratelimit-limit-requests}, pauses everyone when
 * {@code x-ratelimit-remaining-requests} reaches 0 (until {@code x-ratelimit-reset-requests}) and
 * after a 429 (for its Retry-After). Waits go through the injected {@link Sleeper}.
 */
public final class RateGate {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)m)?(?:(\\d+(?:\\.\\d+)?)s)?(?:(\\d+)ms)?");

    private final Clock clock;
    private final Sleeper sleeper;
    private double perMinute;
    private long nextSlotMs;
    private long pausedUntilMs;

    public RateGate(double perMinute, Clock clock, Sleeper sleeper) {
        if (!(perMinute > 0)) {
            throw new IllegalArgumentException("rate must be > 0 per minute, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until this caller may send. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.millis();
            long slot = Math.max(now, Math.max(nextSlotMs, pausedUntilMs));
            nextSlotMs = slot + Math.round(60_000 / perMinute);
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofMillis(wait));
        }
    }

    /** Nobody sends before {@code wait} has passed (a 429's Retry-After). */
    public synchronized void pause(Duration wait) {
        pausedUntilMs = Math.max(pausedUntilMs, clock.millis() + wait.toMillis());
    }

    /** Learns from a response's rate-limit headers (lower-case names). */
    public synchronized void observe(Map<String, List<String>> headers) {
        Integer limit = number(headers, "x-ratelimit-limit-requests");
        if (limit != null && limit > 0 && limit < perMinute) {
            perMinute = limit;
        }
        Integer remaining = number(headers, "x-ratelimit-remaining-requests");
        List<String> reset = headers.get("x-ratelimit-reset-requests");
        if (remaining != null && remaining == 0 && reset != null && !reset.isEmpty()) {
            pause(parseDuration(reset.get(0)));
        }
    }

    public synchronized double perMinute() {
        return perMinute;
    }

    /** {@code 1.2s}, {@code 850ms}, {@code 1m3s}; unreadable values count as one second. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches() || text.isBlank()) {
            return Duration.ofSeconds(1);
        }
        long ms = 0;
        if (m.group(1) != null) {
            ms += Long.parseLong(m.group(1)) * 60_000;
        }
        if (m.group(2) != null) {
            ms += Math.round(Double.parseDouble(m.group(2)) * 1000);
        }
        if (m.group(3) != null) {
            ms += Long.parseLong(m.group(3));
        }
        return Duration.ofMillis(ms);
    }

    private static Integer number(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(v.get(0).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
