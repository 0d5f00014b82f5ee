package dev.sora4j.cli.gallery;

import dev.sora4j.ledger.LedgerEntry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the ledger's running jobs current while the gallery is open: every period it asks the
 * service for the status of jobs that are still queued or in progress (a status request is free)
 * and records the answer, so the page shows a job advance and finish even when no {@code sora poll}
 * is watching it. Jobs other processes poll are read from the ledger as they record them.
 */
public final class StatusRefresher implements AutoCloseable {
    /** At most this many jobs are asked about per round, newest first, so a large ledger stays cheap. */
    static final int PER_ROUND = 20;

    private static final int SCAN = 500;

    private final GalleryBackend backend;
    private final ScheduledExecutorService timer;
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();

    StatusRefresher(GalleryBackend backend) {
        this.backend = backend;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sora4j-gallery-status");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts refreshing every {@code period}.
     *
     * @param backend the ledger and client
     * @param period time between rounds
     * @return the running refresher
     */
    public static StatusRefresher start(GalleryBackend backend, Duration period) {
        StatusRefresher r = new StatusRefresher(backend);
        r.timer.scheduleWithFixedDelay(r::round, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return r;
    }

    /** One round: ask about the running jobs, record what the service says. */
    void round() {
        try {
            askRunning();
        } catch (RuntimeException e) {
            // A locked or vanished ledger: the next round reads it again (an escaping exception would end the timer).
        }
    }

    private void askRunning() {
        int asked = 0;
        for (LedgerEntry e : backend.jobs(SCAN)) {
            if (asked >= PER_ROUND) {
                break;
            }
            if (e.videoId() == null
                    || e.kind().equals("character")
                    || JobViews.terminal(e.status())
                    || !backend.reaches(e)) {
                continue;
            }
            asked++;
            try {
                backend.refresh(e.videoId());
                lastErrors.remove(e.videoId());
            } catch (RuntimeException ex) {
                // Shown on the job's card; the next round tries again.
                lastErrors.put(e.videoId(), ex.getMessage() == null ? "status check failed" : ex.getMessage());
            }
        }
    }

    /**
     * Why the last status check of a job failed, if it did.
     *
     * @param videoId the job
     * @return one line, or empty
     */
    public Optional<String> lastError(String videoId) {
        return videoId == null ? Optional.empty() : Optional.ofNullable(lastErrors.get(videoId));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
