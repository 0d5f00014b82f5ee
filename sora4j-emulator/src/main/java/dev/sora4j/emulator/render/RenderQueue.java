package dev.sora4j.emulator.render;

import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.StoredVideo;
import dev.sora4j.emulator.store.VideoStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders jobs in the background, at most once per job per process. A job whose media is missing
 * (created by a process that exited before rendering finished) is simply submitted again.
 */
public final class RenderQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RenderQueue.class);

    private final VideoStore store;
    private final Renderer renderer;
    private final Clock clock;
    private final ExecutorService executor;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Object idle = new Object();
    private final Map<String, Deque<StoredVideo>> lanes = new HashMap<>();
    private final Deque<String> turns = new ArrayDeque<>();
    private volatile boolean closed;

    public RenderQueue(VideoStore store, Renderer renderer, Clock clock, int threads) {
        this.store = store;
        this.renderer = renderer;
        this.clock = clock;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sora4j-render");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues the job's render unless it is rendered, failed or already queued here. Jobs wait in
     * lanes (one per batch, one for all other jobs) served in turn, so a batch of thousands cannot
     * starve anybody else's jobs.
     */
    public void submit(StoredVideo video) {
        if (closed || video.renderedAtMs() != null || video.failure() != null || !inFlight.add(video.id())) {
            return;
        }
        String lane = video.batchId() == null ? "" : video.batchId();
        synchronized (lanes) {
            Deque<StoredVideo> queue = lanes.get(lane);
            if (queue == null) {
                queue = new ArrayDeque<>();
                lanes.put(lane, queue);
                turns.addLast(lane);
            }
            queue.addLast(video);
        }
        try {
            executor.execute(this::renderNext);
        } catch (RejectedExecutionException closing) {
            inFlight.remove(video.id());
        }
    }

    private void renderNext() {
        StoredVideo video;
        synchronized (lanes) {
            String lane = turns.pollFirst();
            if (lane == null) {
                return;
            }
            Deque<StoredVideo> queue = lanes.get(lane);
            video = queue.pollFirst();
            if (queue.isEmpty()) {
                lanes.remove(lane);
            } else {
                turns.addLast(lane);
            }
        }
        try {
            Path dir = store.mediaDir(video.id());
            renderer.render(spec(video, dir), dir);
            // Re-read: the job may have been deleted while it rendered.
            store.find(video.id()).ifPresent(v -> store.save(v.rendered(clock.millis())));
        } catch (IOException | RuntimeException e) {
            if (closed || Thread.currentThread().isInterrupted()) {
                // Stopped, not broken: the next emulator on this state directory renders it again.
                return;
            }
            LOG.warn("render of {} failed", video.id(), e);
            store.find(video.id())
                    .ifPresent(v -> store.save(v.failed(
                            "render_failed",
                            "The emulator could not render this video; run it with --verbose to see why.",
                            clock.millis())));
        } finally {
            inFlight.remove(video.id());
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Blocks until no render is running, or the timeout passes; returns whether it is idle. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (!inFlight.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    public int pending() {
        return inFlight.size();
    }

    private static Renderer.Spec spec(StoredVideo video, Path dir) {
        Path source = dir.resolve(MediaFiles.SOURCE);
        StoredVideo.Derivation d = video.derivation();
        Renderer.Source from = null;
        if (d != null && Files.exists(source)) {
            from = d.kind().equals(StoredVideo.Derivation.EXTENSION)
                    ? Renderer.Source.prefix(source, d.sourceSeconds())
                    : Renderer.Source.underlay(source);
        }
        return new Renderer.Spec(
                video.id(),
                video.prompt(),
                video.model(),
                video.width(),
                video.height(),
                Integer.parseInt(video.seconds()),
                firstFrame(dir),
                from);
    }

    private static BufferedImage firstFrame(Path dir) {
        Path ref = dir.resolve(MediaFiles.INPUT_REFERENCE);
        if (!Files.exists(ref)) {
            return null;
        }
        try {
            return ImageIO.read(ref.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
