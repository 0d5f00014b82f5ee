package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sora worker} stopped with SIGTERM (a service manager's stop, a scale-down) releases the lines
 * it holds at once, instead of leaving them leased until the lease runs out; the next worker takes
 * them over, finds their jobs on the server, and creates nothing twice.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WorkerShutdownIT {
    private static final int JOBS = 4;

    @TempDir
    Path dir;

    @Test
    void sigterm_releases_the_claimed_lines_and_the_next_worker_finishes_them_without_creating_twice()
            throws Exception {
        SoraProcesses sora = new SoraProcesses(dir);
        sora.writeJobs(JOBS, "Shutdown clip ", ", a lantern on a pier");
        try (TeamPostgres postgres = TeamPostgres.start();
                SoraProcesses.Served emulator = sora.emulator(
                        Map.of(),
                        "--state-dir",
                        dir.resolve("served").toString(),
                        "--control",
                        "--render-base",
                        "20",
                        "--speed",
                        "2")) {
            Map<String, String> env = new HashMap<>(TeamPostgres.ENV);
            env.put("OPENAI_BASE_URL", emulator.url());
            env.put("OPENAI_API_KEY", "sk-shutdown-test-key-0123456789");
            env.put("SORA4J_LEDGER", postgres.newDatabase("shutdown"));
            assertThat(sora.run(env, l -> false, new ArrayList<>(), "queue", "add", "--input", "jobs.jsonl"))
                    .isZero();
            String[] worker = {
                "worker", "--concurrency", "2", "--out-dir", "out", "--lease", "600", "--poll-interval", "0.5"
            };

            // The first worker claims two lines, creates both jobs (still rendering), and gets a SIGTERM.
            Path out = dir.resolve("first.json");
            Process first = sora.sora(env, worker).redirectOutput(out.toFile()).start();
            List<String> log = new ArrayList<>();
            int created = 0;
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(first.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    log.add(line);
                    if (line.contains(" created video_") && ++created == 2) {
                        // SIGTERM, through the handle: Process.destroy() would also close the streams read here.
                        first.toHandle().destroy();
                    }
                }
            }
            assertThat(first.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(created).as(String.join("\n", log)).isEqualTo(2);
            // 143: the JVM's exit code after a SIGTERM; the worker says it let its lines go.
            assertThat(first.exitValue()).as(String.join("\n", log)).isEqualTo(143);
            assertThat(log).anyMatch(l -> l.startsWith("Stopped: released the lines in progress"));

            // Released, not leased for another ten minutes: nothing is claimed, all four are pending.
            Path statusOut = dir.resolve("status.json");
            Process status = sora.sora(env, "queue", "status", "--queue", "default")
                    .redirectOutput(statusOut.toFile())
                    .start();
            assertThat(status.waitFor(2, TimeUnit.MINUTES)).isTrue();
            Map<String, Object> counts = Json.parse(Files.readString(statusOut));
            assertThat(counts).containsEntry("pending", JOBS);
            assertThat(((Number) counts.getOrDefault("claimed", 0)).intValue()).isZero();

            // The next worker finishes the queue: the two created jobs are found and adopted, not sent again.
            List<String> second = new ArrayList<>();
            String[] untilEmpty = new String[worker.length + 1];
            System.arraycopy(worker, 0, untilEmpty, 0, worker.length);
            untilEmpty[worker.length] = "--until-empty";
            assertThat(sora.run(env, l -> false, second, untilEmpty))
                    .as(String.join("\n", second))
                    .isZero();
            assertThat(((Number) emulator.stats().get("jobs_created")).intValue())
                    .isEqualTo(JOBS);
            assertThat(SoraProcesses.count(dir.resolve("out"), ".mp4")).isEqualTo(JOBS);
        }
    }
}
