package dev.sora4j.emulator;

import dev.sora4j.emulator.batch.BatchProcessor;
import dev.sora4j.emulator.jobs.Timeline;
import dev.sora4j.emulator.render.RenderQueue;
import dev.sora4j.emulator.store.StoredVideo;
import dev.sora4j.emulator.store.VideoStore;
import dev.sora4j.emulator.webhooks.WebhookSender;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's background work, a few times a second: advances batches, renders batch jobs (nobody
 * polls them one by one), and announces jobs that reached a final status as webhooks.
 */
final class Housekeeper implements AutoCloseable {
    private static final long PERIOD_MS = 200;

    private final VideoStore videos;
    private final RenderQueue renders;
    private final BatchProcessor batches;
    private final WebhookSender webhooks;
    private final Timeline timeline;
    private final Clock clock;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sora4j-housekeeper");
        t.setDaemon(true);
        return t;
    });

    Housekeeper(
            VideoStore videos,
            RenderQueue renders,
            BatchProcessor batches,
            WebhookSender webhooks,
            Timeline timeline,
            Clock clock) {
        this.videos = videos;
        this.renders = renders;
        this.batches = batches;
        this.webhooks = webhooks;
        this.timeline = timeline;
        this.clock = clock;
    }

    void start() {
        long now = clock.millis();
        // Jobs that ended before this process started were announced already (or never will be).
        for (StoredVideo v : videos.all()) {
            if (timeline.view(v, now).terminal()) {
                announced.add(v.id());
            }
        }
        executor.scheduleWithFixedDelay(this::runSafely, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            // A broken file must not stop the ticker; the next round tries again.
        }
    }

    void run() {
        batches.tick();
        long now = clock.millis();
        for (StoredVideo v : videos.all()) {
            Timeline.View view = timeline.view(v, now);
            if (!view.terminal()) {
                if (v.batchId() != null) {
                    renders.submit(v);
                }
            } else if (webhooks.enabled() && announced.add(v.id())) {
                webhooks.send(view.status().equals("completed") ? "video.completed" : "video.failed", v.id());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
