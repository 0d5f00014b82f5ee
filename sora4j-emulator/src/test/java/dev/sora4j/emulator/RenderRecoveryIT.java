package dev.sora4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders that die with their process (SIGKILL mid-render, as Ctrl-C on {@code sora --offline}
 * does to its embedded emulator) are picked up by the next emulator on the same state directory,
 * without anybody polling the jobs one by one.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RenderRecoveryIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jobs_of_a_killed_emulator_finish_in_the_next_one(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state");
        List<String> ids = new ArrayList<>();
        Process first = EmulatorMain.command(state, "ffmpeg")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String baseUrl = out.readLine();
            assertThat(baseUrl).startsWith("http://127.0.0.1:");
            // Three 12 s clips at 1280x720 on one render thread: seconds of FFmpeg work each.
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> created = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/videos"))
                                .header("Authorization", "Bearer k")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Interrupted " + i
                                        + "\",\"size\":\"1280x720\",\"seconds\":\"12\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
                ids.add(json.readTree(created.body()).get("id").asText());
            }
        } finally {
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // Well past every job's planned end: only missing media can keep them from completing.
        ManualClock clock = new ManualClock(Instant.now().plus(Duration.ofMinutes(10)));
        EmulatorConfig config =
                EmulatorConfig.defaults(state).withRenderMode(RenderMode.FAST).withClock(clock);
        try (Emulator second = Emulator.start(config, 0)) {
            assertThat(second.awaitRenders(Duration.ofMinutes(2))).isTrue();
            // Listing only, as list-based trackers poll: no per-job GET nudges a render.
            HttpResponse<String> list = http.send(
                    HttpRequest.newBuilder(URI.create(second.baseUrl() + "/videos?limit=100"))
                            .header("Authorization", "Bearer k")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> completed = new ArrayList<>();
            for (JsonNode v : json.readTree(list.body()).get("data")) {
                if (v.get("status").asText().equals("completed")) {
                    completed.add(v.get("id").asText());
                }
            }
            assertThat(completed).as(list.body()).containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
