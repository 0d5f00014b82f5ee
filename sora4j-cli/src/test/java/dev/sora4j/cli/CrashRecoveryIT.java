package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20-job {@code create-batch --wait --download} is killed with SIGKILL at five points (before the
 * first submit, mid-submission, mid-tracking, mid-download, near the end) and rerun each time; the
 * emulator (a separate, long-lived process) counts what was really created.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {
    private static final int JOBS = 20;
    private static final String[] BATCH = {
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
        // The default 50 creates a minute would make the submissions, not the crashes, the test's cost.
        "--rpm",
        "600"
    };

    @TempDir
    Path dir;

    private static Predicate<String> after(int n, String fragment) {
        AtomicInteger seen = new AtomicInteger();
        return line -> line.contains(fragment) && seen.incrementAndGet() >= n;
    }

    @Test
    void killed_at_five_points_and_rerun_every_job_is_created_once_and_downloaded_whole() throws Exception {
        SoraProcesses sora = new SoraProcesses(dir);
        sora.writeJobs(JOBS, "Crash test clip ", ", a lighthouse beam sweeping the fog");
        Path out = dir.resolve("out");
        List<String> log = new ArrayList<>();
        try (SoraProcesses.Served emulator = sora.emulator(
                Map.of(),
                "--state-dir",
                dir.resolve("served").toString(),
                "--control",
                "--no-rate-limits",
                "--render-threads",
                "2",
                // Speed 1: a job lasts 3 s, so jobs are still running when tracking starts (creates are fast).
                "--speed",
                "1",
                "--content-bytes-per-second",
                "4000000")) {
            Map<String, String> env =
                    Map.of("OPENAI_BASE_URL", emulator.url(), "OPENAI_API_KEY", "sk-crash-test-key-0123456789");

            assertThat(sora.run(env, line -> line.startsWith("Creating " + JOBS), log, BATCH))
                    .as("before the first submit")
                    .isEqualTo(-9);
            assertThat(sora.run(env, after(5, " created video_"), log, BATCH))
                    .as("mid-submission")
                    .isEqualTo(-9);
            assertThat(sora.run(env, line -> line.matches(".*\\] video_\\w+ (queued|in_progress) .*"), log, BATCH))
                    .as("mid-tracking")
                    .isEqualTo(-9);
            assertThat(sora.run(env, after(2, " downloaded "), log, BATCH))
                    .as("mid-download")
                    .isEqualTo(-9);
            Predicate<String> nearEnd =
                    line -> line.contains(" downloaded ") && SoraProcesses.count(out, ".mp4") >= JOBS - 3;
            assertThat(sora.run(env, nearEnd, log, BATCH)).as("near the end").isIn(-9, 0);
            // The last run is `sora resume`, which repeats the unfinished create-batch from the ledger.
            int last = sora.run(env, line -> false, log, "resume");
            assertThat(last)
                    .as(String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())))
                    .isZero();
            List<String> again = new ArrayList<>();
            assertThat(sora.run(env, line -> false, again, "resume")).isZero();
            assertThat(again).anyMatch(l -> l.contains("Nothing to resume"));

            // Exactly once: the emulator created one job per prompt.
            Map<String, Object> stats = emulator.stats();
            assertThat(((Number) stats.get("jobs_created")).intValue()).isEqualTo(JOBS);
            @SuppressWarnings("unchecked")
            Map<String, Object> perPrompt = (Map<String, Object>) stats.get("jobs_by_prompt_sha256");
            assertThat(perPrompt)
                    .hasSize(JOBS)
                    .allSatisfy((k, v) -> assertThat(((Number) v).intValue()).isEqualTo(1));
        }

        // All the MP4s are whole, their sha256 is in the ledger, and no partial file is left anywhere.
        assertThat(SoraProcesses.count(out, ".mp4")).isEqualTo(JOBS);
        assertThat(SoraProcesses.count(out, ".part") + SoraProcesses.count(out, ".tmp"))
                .isZero();
        assertThat(SoraProcesses.verifiedDownloads(dir.resolve("home/ledger.db")))
                .isEqualTo(JOBS);
        // The key is never in the ledger.
        assertThat(new String(Files.readAllBytes(dir.resolve("home/ledger.db")), StandardCharsets.ISO_8859_1))
                .doesNotContain("sk-crash-test-key");
    }
}
