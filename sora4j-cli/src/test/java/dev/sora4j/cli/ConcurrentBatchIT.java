package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code sora create-batch} processes started at the same moment on one jobs file and output
 * directory (an agent retrying a slow command): the served emulator must see each job created once,
 * and the result files must all come from one run.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ConcurrentBatchIT {
    private static final int JOBS = 6;

    @TempDir
    Path dir;

    @Test
    void two_concurrent_runs_create_each_job_exactly_once_and_do_not_mix_results() throws Exception {
        SoraProcesses sora = new SoraProcesses(dir);
        sora.writeJobs(JOBS, "Concurrent clip ", ", a kite over the dunes");
        try (SoraProcesses.Served emulator = sora.emulator(
                Map.of(),
                "--state-dir",
                dir.resolve("served").toString(),
                "--control",
                "--no-rate-limits",
                "--render-threads",
                "2",
                "--speed",
                "8")) {
            Map<String, String> env =
                    Map.of("OPENAI_BASE_URL", emulator.url(), "OPENAI_API_KEY", "sk-concurrent-test-0123456789");
            String[] batch = {
                "create-batch",
                "--input",
                "jobs.jsonl",
                "--out-dir",
                "out",
                "--wait",
                "--poll-interval",
                "0.25",
                "--rpm",
                "600"
            };
            Process a = sora.sora(env, batch)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Process b = sora.sora(env, batch)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            List<String> errA = new ArrayList<>();
            List<String> errB = new ArrayList<>();
            Thread readA = drain(a, errA);
            Thread readB = drain(b, errB);
            assertThat(a.waitFor(7, TimeUnit.MINUTES)).isTrue();
            assertThat(b.waitFor(7, TimeUnit.MINUTES)).isTrue();
            readA.join(TimeUnit.SECONDS.toMillis(30));
            readB.join(TimeUnit.SECONDS.toMillis(30));
            List<Integer> codes = List.of(a.exitValue(), b.exitValue());
            String logs = String.join("\n", errA) + "\n---\n" + String.join("\n", errB);
            assertThat(codes).as(logs).contains(0).allMatch(c -> c == 0 || c == ExitCodes.INVALID_INPUT);
            if (codes.contains(ExitCodes.INVALID_INPUT)) {
                List<String> refused = a.exitValue() == ExitCodes.INVALID_INPUT ? errA : errB;
                // The holder's pid is named once its owner note is written; a refusal in the instant
                // between taking the lock and writing the note says "another sora process".
                assertThat(refused)
                        .as(logs)
                        .anyMatch(l -> l.contains("jobs.jsonl → ") && l.contains(" is being run by "));
            }

            Map<String, Object> stats = emulator.stats();
            assertThat(((Number) stats.get("jobs_created")).intValue()).as(logs).isEqualTo(JOBS);
            @SuppressWarnings("unchecked")
            Map<String, Object> perPrompt = (Map<String, Object>) stats.get("jobs_by_prompt_sha256");
            assertThat(perPrompt)
                    .hasSize(JOBS)
                    .allSatisfy((k, v) -> assertThat(((Number) v).intValue()).isEqualTo(1));
        }

        // One result file per line, each naming its own prompt's job, six different ids.
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            List<Path> results =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(results).hasSize(JOBS);
            for (int i = 0; i < JOBS; i++) {
                Map<String, Object> job = Json.parse(Files.readString(results.get(i)));
                assertThat(job.get("prompt").toString()).contains("Concurrent clip " + (i + 1) + ",");
                ids.add(job.get("id").toString());
            }
        }
        assertThat(ids).hasSize(JOBS);
    }

    /** Drains a process's stderr on its own thread (so neither process blocks on a full pipe). */
    private static Thread drain(Process p, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // The process ended.
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
