package dev.sora4j.emulator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Renders jobs in the background, at most once per job per process. A job whose media is missing
 * (created by a process that exited before rendering finished) is simply submitted again.
 */
final class RenderQueue implements AutoCloseable {
    static final String INPUT_REFERENCE_FILE = "input_reference";

    private final VideoStore store;
    private final MediaRenderer renderer;
    private final Clock clock;
    private final ExecutorService executor;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Object idle = new Object();

    RenderQueue(VideoStore store, MediaRenderer renderer, Clock clock, int threads) {
        this.store = store;
        this.renderer = renderer;
        this.clock = clock;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sora4j-render");
            t.setDaemon(true);
            return t;
        });
    }

    void submit(StoredVideo video) {
        if (video.renderedAtMs() != null || video.failure() != null || !inFlight.add(video.id())) {
            return;
        }
        executor.execute(() -> {
            try {
                Path dir = store.mediaDir(video.id());
                renderer.render(spec(video, dir), dir);
                // Re-read: the job may have been deleted while it rendered.
                store.find(video.id()).ifPresent(v -> store.save(v.rendered(clock.millis())));
            } catch (IOException | RuntimeException e) {
                store.find(video.id())
                        .ifPresent(v -> store.save(v.failed(
                                "render_failed",
                                "The emulator could not render this video: " + e.getMessage(),
                                clock.millis())));
            } finally {
                inFlight.remove(video.id());
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        });
    }

    /** Blocks until no render is running, or the timeout passes; returns whether it is idle. */
    boolean awaitIdle(Duration timeout) {
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

    int pending() {
        return inFlight.size();
    }

    private static MediaRenderer.Spec spec(StoredVideo video, Path dir) {
        Path source = dir.resolve(DerivedVideoRoutes.SOURCE_FILE);
        StoredVideo.Derivation d = video.derivation();
        MediaRenderer.Source from = null;
        if (d != null && Files.exists(source)) {
            from = d.kind().equals(StoredVideo.Derivation.EXTENSION)
                    ? MediaRenderer.Source.prefix(source, d.sourceSeconds())
                    : MediaRenderer.Source.underlay(source);
        }
        return new MediaRenderer.Spec(
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
        Path ref = dir.resolve(INPUT_REFERENCE_FILE);
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
        executor.shutdownNow();
    }
}
