package dev.sora4j.emulator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.store.StoredVideo;
import dev.sora4j.emulator.store.VideoStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An IT only because its first JSON writes and thread start take over a second on a cold JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RenderQueueIT {
    private static StoredVideo job(String id, String batchId) {
        return new StoredVideo(
                id, "sora-2", "p", "64x64", "4", 0, 0, 0, null, null, null, null, null, List.of(), null, batchId, null);
    }

    @Test
    void a_big_batch_does_not_starve_a_job_submitted_after_it(@TempDir Path dir) throws Exception {
        VideoStore store = new VideoStore(dir, new ObjectMapper());
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Renderer recording = (spec, out) -> {
            order.add(spec.id());
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (RenderQueue queue = new RenderQueue(store, recording, new ManualClock(Instant.EPOCH), 1)) {
            for (int i = 0; i < 20; i++) {
                StoredVideo line = job("video_b" + i, "batch_1");
                store.save(line);
                queue.submit(line);
            }
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            StoredVideo single = job("video_other", null);
            store.save(single);
            queue.submit(single);
            release.countDown();
            assertThat(queue.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        // FIFO would render it 21st; taking turns renders it after at most one more batch line.
        assertThat(order).hasSize(21);
        assertThat(order.indexOf("video_other")).isBetween(1, 2);
    }
}
