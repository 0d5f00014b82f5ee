package dev.sora4j.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.ApiException;
import dev.sora4j.SoraClient;
import dev.sora4j.client.UnsupportedGateway;
import dev.sora4j.model.JobStatus;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.pipeline.RateGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

    /** Fails each prompt with the scripted errors first, then creates it. */
    static final class ScriptedCreates extends UnsupportedGateway {
        final Map<String, List<ApiException>> failures = new HashMap<>();
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public synchronized VideoJob create(VideoRequest r) {
            sent.add(r.prompt());
            List<ApiException> left = failures.getOrDefault(r.prompt(), new ArrayList<>());
            if (!left.isEmpty()) {
                throw left.remove(0);
            }
            String id = "video_" + sent.size();
            return new VideoJob(
                    id,
                    r.model(),
                    JobStatus.of("queued"),
                    0,
                    0,
                    null,
                    null,
                    r.prompt(),
                    r.size(),
                    r.seconds(),
                    null,
                    null,
                    "{\"id\":\"" + id + "\"}");
        }
    }

    private static ApiException status(int code, Duration retryAfter) {
        return new ApiException(code, "HTTP " + code, null, null, null, null, retryAfter, null);
    }

    private static BatchJob job(int n, String prompt) {
        return new BatchJob(
                n,
                n,
                VideoRequest.builder()
                        .prompt(prompt)
                        .model("sora-2")
                        .size("1280x720")
                        .seconds("4")
                        .build(),
                "%03d.json".formatted(n));
    }

    private List<BatchResult> run(ScriptedCreates gw, List<BatchJob> jobs, Path out, BatchOptions options) {
        try (SoraClient client = SoraClient.builder().gateway(gw).build()) {
            dev.sora4j.emulator.clock.ManualClock clock =
                    new dev.sora4j.emulator.clock.ManualClock(java.time.Instant.EPOCH);
            dev.sora4j.pipeline.Sleeper sleeper = d -> {
                slept.add(d);
                clock.advance(d);
            };
            RateGate gate = new RateGate(6000, clock, sleeper);
            return new BatchRunner(client, clock, sleeper, BatchListener.NONE, gate)
                    .run(jobs, out, options, "test-batch");
        }
    }

    @Test
    void transient_errors_are_retried_honouring_retry_after_else_backing_off(@TempDir Path out) {
        ScriptedCreates gw = new ScriptedCreates();
        gw.failures.put("a", new ArrayList<>(List.of(status(429, Duration.ofMillis(1500)), status(503, null))));
        List<BatchResult> results = run(gw, List.of(job(1, "a")), out, BatchOptions.createOnly(1, 3, false, false));

        assertThat(results.get(0).outcome()).isEqualTo(BatchResult.Outcome.CREATED);
        assertThat(results.get(0).attempts()).isEqualTo(3);
        assertThat(slept).containsExactly(Duration.ofMillis(1500), Duration.ofSeconds(4));
        assertThat(out.resolve("001.json")).content().contains("video_3");
    }

    @Test
    void a_client_error_is_not_retried_and_attempts_are_bounded(@TempDir Path out) {
        ScriptedCreates gw = new ScriptedCreates();
        gw.failures.put("bad", new ArrayList<>(List.of(status(400, null))));
        gw.failures.put("busy", new ArrayList<>(List.of(status(500, null), status(500, null), status(500, null))));
        List<BatchResult> results = run(
                gw,
                List.of(job(1, "bad"), job(2, "busy"), job(3, "fine")),
                out,
                BatchOptions.createOnly(1, 2, false, false));

        assertThat(results)
                .extracting(BatchResult::outcome)
                .containsExactly(BatchResult.Outcome.FAILED, BatchResult.Outcome.FAILED, BatchResult.Outcome.CREATED);
        assertThat(results).extracting(BatchResult::attempts).containsExactly(1, 2, 1);
        assertThat(results.get(0).error()).contains("HTTP 400");
        assertThat(Files.exists(out.resolve("001.json"))).isFalse();
    }

    @Test
    void fail_fast_starts_no_new_job_after_a_failure(@TempDir Path out) {
        ScriptedCreates gw = new ScriptedCreates();
        gw.failures.put("bad", new ArrayList<>(List.of(status(422, null))));
        List<BatchResult> results =
                run(gw, List.of(job(1, "bad"), job(2, "never")), out, BatchOptions.createOnly(1, 3, true, false));
        assertThat(results.get(1).outcome()).isEqualTo(BatchResult.Outcome.SKIPPED);
        assertThat(gw.sent).containsExactly("bad");
    }

    @Test
    void backoff_doubles_and_is_capped_at_a_minute() {
        assertThat(BatchRunner.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(BatchRunner.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(BatchRunner.backoff(9)).isEqualTo(Duration.ofSeconds(60));
    }
}
