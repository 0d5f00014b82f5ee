package dev.sora4j.emulator.jobs;

import dev.sora4j.emulator.store.StoredVideo;
import java.time.Duration;
import java.util.Map;

/** Derives what a client sees of a job at a given instant. */
public final class Timeline {
    private final Duration assetTtl;

    public Timeline(Duration assetTtl) {
        this.assetTtl = assetTtl;
    }

    /** What the job looks like at {@code nowMs}: status, progress and the terminal timestamps. */
    public View view(StoredVideo v, long nowMs) {
        if (v.failure() != null && nowMs >= v.failedAtMs()) {
            return new View("failed", progressAt(v, v.failedAtMs()), seconds(v.failedAtMs()), null, v.failure());
        }
        if (nowMs < v.queuedUntilMs()) {
            return new View("queued", 0, null, null, null);
        }
        if (v.failure() == null && nowMs >= v.plannedDoneAtMs() && v.renderedAtMs() != null) {
            long doneAt = Math.max(v.plannedDoneAtMs(), v.renderedAtMs());
            long done = seconds(doneAt);
            long expires = v.expiresAt() != null ? v.expiresAt() : done + assetTtl.toSeconds();
            return new View("completed", 100, done, expires, null);
        }
        return new View("in_progress", progressAt(v, nowMs), null, null, null);
    }

    /** Linear from 1 to 99 across the in-progress phase; capped at 99 while media is still rendering. */
    private static int progressAt(StoredVideo v, long nowMs) {
        long span = Math.max(1, v.plannedDoneAtMs() - v.queuedUntilMs());
        long into = Math.max(0, nowMs - v.queuedUntilMs());
        return (int) Math.max(1, Math.min(99, 1 + (98 * into) / span));
    }

    private static long seconds(long ms) {
        return Math.floorDiv(ms, 1000);
    }

    /** A job as seen at one instant. */
    public record View(String status, int progress, Long completedAt, Long expiresAt, Map<String, String> error) {
        public boolean terminal() {
            return status.equals("completed") || status.equals("failed");
        }
    }
}
