package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A 30-job {@code create-batch --wait --download} against an emulator full of faults. */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ChaosBatchIT {
    private static final int JOBS = 30;

    @TempDir
    Path dir;

    @Test
    void under_chaos_the_same_batch_completes_with_every_file_valid() throws Exception {
        SoraProcesses sora = new SoraProcesses(dir);
        sora.writeJobs(JOBS, "Chaos clip ", ", rain on a tin roof");
        List<String> log = new ArrayList<>();
        // 10 % 5xx on every route, a 429 on every 6th create (with retry-after), 5 % of downloads cut
        // after the headers and 5 % truncated halfway.
        try (SoraProcesses.Served emulator = sora.emulator(
                Map.of(),
                "--state-dir",
                dir.resolve("served").toString(),
                "--control",
                "--no-rate-limits",
                "--render-threads",
                "2",
                "--speed",
                "8",
                "--error-rate",
                "0.1",
                "--seed",
                "7",
                "--fault",
                "POST /v1/videos every=6 status=429 retry-after=1",
                "--reset-after-headers-rate",
                "0.05",
                "--truncate-rate",
                "0.05")) {
            Map<String, String> env =
                    Map.of("OPENAI_BASE_URL", emulator.url(), "OPENAI_API_KEY", "sk-chaos-test-key-0123456789");
            int code = sora.run(
                    env,
                    line -> false,
                    log,
                    "create-batch",
                    "--input",
                    "jobs.jsonl",
                    "--out-dir",
                    "out",
                    "--wait",
                    "--download",
                    "--poll-interval",
                    "0.25",
                    "--concurrency",
                    "3",
                    // The default 50 creates a minute would make pacing, not chaos, the test's cost.
                    "--rpm",
                    "600",
                    "--max-attempts",
                    "10");
            assertThat(code)
                    // Every line but the routine progress ones, so a failure shows which job gave up and why.
                    .as(log.stream()
                            .filter(l -> !l.matches(".*\\] (video_\\w+ (queued|in_progress|completed)|downloaded) .*"))
                            .collect(Collectors.joining("\n")))
                    .isZero();
            assertThat(log).anyMatch(l -> l.contains("(HTTP 429)")).anyMatch(l -> l.matches(".*HTTP 50[023].*"));
            assertThat(((Number) emulator.stats().get("jobs_created")).intValue())
                    .isEqualTo(JOBS);
        }
        assertThat(SoraProcesses.count(dir.resolve("out"), ".mp4")).isEqualTo(JOBS);
        assertThat(SoraProcesses.verifiedDownloads(dir.resolve("home/ledger.db")))
                .isEqualTo(JOBS);
        assertThat(SoraProcesses.count(dir.resolve("out"), ".part")).isZero();
    }
}
