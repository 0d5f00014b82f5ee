package dev.sora4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Many clients at once: 200 pollers, each on its own connection, all answered. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConcurrencyIT {
    // Every poller's connection is open at once from the first poll; more rounds add time, not concurrency.
    private static final int POLLS = 4;

    @Test
    void two_hundred_concurrent_pollers_get_no_errors(@TempDir Path dir) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-09T10:00:00Z"));
        try (Emulator emulator = Emulator.start(
                EmulatorConfig.defaults(dir).withRenderMode(RenderMode.FAST).withClock(clock), 0)) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/videos"))
                                .header("Authorization", "Bearer k")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Poll me " + i + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(200);
                ids.add(created.body().replaceAll(".*\"id\":\"(video_[0-9a-f]+)\".*", "$1"));
            }
            int pollers = 200;
            CountDownLatch ready = new CountDownLatch(pollers);
            ExecutorService pool = Executors.newFixedThreadPool(pollers);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int p = 0; p < pollers; p++) {
                String id = ids.get(p % ids.size());
                // One client per poller: 200 separate connections, as 200 processes would open.
                HttpClient own = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                results.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < POLLS; i++) {
                        HttpResponse<String> r = own.send(
                                HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/videos/" + id))
                                        .header("Authorization", "Bearer k")
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        statuses.add(r.statusCode());
                    }
                    return statuses;
                }));
            }
            int ok = 0;
            for (Future<List<Integer>> f : results) {
                for (int status : f.get()) {
                    assertThat(status).isEqualTo(200);
                    ok++;
                }
            }
            pool.shutdown();
            assertThat(ok).isEqualTo(pollers * POLLS);
            clock.advance(Duration.ofMinutes(1));
            emulator.awaitRenders(Duration.ofMinutes(2));
        }
    }
}
