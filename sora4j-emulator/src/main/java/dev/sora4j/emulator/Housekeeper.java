package dev.sora4j.emulator;

import dev.sora4j.emulator.batch.BatchProcessor;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.render.RenderQueue;
import dev.sora4j.emulator.store.FileStore;
import dev.sora4j.emulator.store.StoredVideo;
import dev.sora4j.emulator.store.VideoStore;
import dev.sora4j.emulator.webhooks.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's background work, a few times a second: advances batches, renders batch jobs (nobody
 * polls them one by one), announces jobs that reached a final status as webhooks, and deletes
 * expired media and files so the state directory stays bounded.
 */
final class Housekeeper implements AutoCloseable {
    private static final Duration PERIOD = Duration.ofMillis(200);
    /** Sweeping lists every file record; once every this many rounds is often enough. */
    private static final int SWEEP_EVERY = 25;

    private final VideoStore videos;
    private final FileStore files;
    private final RenderQueue renders;
    private final BatchProcessor batches;
    private final WebhookSender webhooks;
    private final Timeline timeline;
    private final Clock clock;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final Ticker ticker;
    private int round;

    Housekeeper(
            VideoStore videos,
            FileStore files,
            RenderQueue renders,
            BatchProcessor batches,
            WebhookSender webhooks,
            Timeline timeline,
            Clock clock) {
        this.videos = videos;
        this.files = files;
        this.renders = renders;
        this.batches = batches;
        this.webhooks = webhooks;
        this.timeline = timeline;
        this.clock = clock;
        this.ticker = new Ticker("sora4j-housekeeper", PERIOD, this::run);
    }

    /**
     * Takes over the state directory: jobs that ended before this process started were announced
     * already; jobs still waiting for media lost their render with the process that ran it (killed,
     * interrupted), so they are rendered again here.
     */
    void start() {
        long now = clock.millis();
        for (StoredVideo v : videos.all()) {
            if (timeline.view(v, now).terminal()) {
                announced.add(v.id());
            } else {
                renders.submit(v);
            }
        }
        ticker.start();
    }

    /** One background round; every {@value #SWEEP_EVERY}th also sweeps. */
    synchronized void run() {
        round(round++ % SWEEP_EVERY == 0);
    }

    /** One round with a sweep, now (for tests driving a manual clock). */
    synchronized void runWithSweep() {
        round(true);
    }

    private void round(boolean sweep) {
        batches.tick();
        long now = clock.millis();
        for (StoredVideo v : videos.all()) {
            Timeline.View view = timeline.view(v, now);
            if (!view.terminal()) {
                if (v.batchId() != null) {
                    renders.submit(v);
                }
                continue;
            }
            if (webhooks.enabled() && announced.add(v.id())) {
                webhooks.send(view.status().equals("completed") ? "video.completed" : "video.failed", v.id());
            }
            boolean expired = view.expiresAt() != null && now / 1000 >= view.expiresAt();
            if (sweep && (expired || view.status().equals("failed"))) {
                // Content is gone for good (410) or never came: its bytes only fill the disk.
                videos.deleteMedia(v.id());
            }
        }
        if (sweep) {
            long nowSeconds = now / 1000;
            files.all().stream()
                    .filter(f -> f.expiresAt() != null && nowSeconds >= f.expiresAt())
                    .forEach(f -> files.delete(f.id()));
        }
    }

    @Override
    public void close() {
        ticker.close();
    }
}
