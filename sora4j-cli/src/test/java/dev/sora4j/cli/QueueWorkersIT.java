package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.internal.files.Mp4Check;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.PostgresLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team acceptance run: 100 queued jobs, four {@code sora worker} processes sharing one PostgreSQL
 * ledger against an emulator limited to 60 creates a minute, two workers SIGKILLed mid-run. Every job
 * is created exactly once, downloaded whole, never refused with a 429, and the queue reports the spend.
 * At 60/min the creates alone take 100 s: the test runs about two and a half minutes.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class QueueWorkersIT {
    private static final int JOBS = 100;
    private static final int CONCURRENCY = 4;
    private static final double COST_PER_JOB = 0.40; // sora-2, 4 s, at $0.10 a second
    private static final Pattern STATUS_429 = Pattern.compile("(?<![0-9a-f])429(?![0-9a-f])|(?i)rate limit");
    private static TeamPostgres server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TeamPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Predicate<String> after(int n, String fragment) {
        AtomicInteger seen = new AtomicInteger();
        return line -> line.contains(fragment) && seen.incrementAndGet() >= n;
    }

    /** Runs {@code sora ARGS} to the end; returns its exit code and stdout. */
    private static Map.Entry<Integer, String> output(SoraProcesses sora, Map<String, String> env, String... args)
            throws Exception {
        Process p = sora.sora(env, args)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return Map.entry(p.exitValue(), out);
    }

    @Test
    void four_workers_two_killed_create_every_job_once_within_the_team_rate_limit() throws Exception {
        SoraProcesses sora = new SoraProcesses(dir);
        sora.writeJobs(JOBS, "Queue test clip ", ", paper boats drifting down a gutter stream");
        Path out = dir.resolve("out");
        String url = server.newDatabase("team");
        try (SoraProcesses.Served emulator = sora.emulator(
                Map.of(),
                "--state-dir",
                dir.resolve("served").toString(),
                "--control",
                "--rpm",
                "*=60",
                "--render-threads",
                "2",
                "--speed",
                "4")) {
            Map<String, String> env = Map.of(
                    "OPENAI_BASE_URL",
                    emulator.url(),
                    "OPENAI_API_KEY",
                    "sk-queue-test-key-0123456789",
                    "SORA4J_LEDGER",
                    url,
                    "PGUSER",
                    "postgres");
            Map.Entry<Integer, String> added =
                    output(sora, env, "queue", "add", "--input", "jobs.jsonl", "--queue", "it", "--max-cost", "100");
            assertThat(added.getKey()).as(added.getValue()).isZero();
            assertThat(Json.parse(added.getValue())).containsEntry("added", JOBS);

            String[] worker = {
                "worker",
                "--queue",
                "it",
                "--concurrency",
                "4",
                "--out-dir",
                out.toString(),
                "--until-empty",
                "--rpm",
                "60",
                "--lease",
                "5",
                "--poll-interval",
                "1"
            };
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Predicate<String>> kills =
                        List.of(after(6, " created video_"), after(12, " created video_"), l -> false, l -> false);
                List<Future<Integer>> codes = new ArrayList<>();
                for (Predicate<String> kill : kills) {
                    codes.add(pool.submit(() -> sora.run(env, kill, log, worker)));
                }
                assertThat(codes.get(0).get(6, TimeUnit.MINUTES)).isEqualTo(-9);
                assertThat(codes.get(1).get(6, TimeUnit.MINUTES)).isEqualTo(-9);
                String tail = String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()));
                assertThat(codes.get(2).get(6, TimeUnit.MINUTES)).as(tail).isZero();
                assertThat(codes.get(3).get(6, TimeUnit.MINUTES)).as(tail).isZero();
            } finally {
                pool.shutdownNow();
            }

            // Exactly once, and no create was ever refused: every POST made a job.
            Map<String, Object> stats = emulator.stats();
            assertThat(((Number) stats.get("jobs_created")).intValue()).isEqualTo(JOBS);
            @SuppressWarnings("unchecked")
            Map<String, Object> perPrompt = (Map<String, Object>) stats.get("jobs_by_prompt_sha256");
            assertThat(perPrompt)
                    .hasSize(JOBS)
                    .allSatisfy((k, v) -> assertThat(((Number) v).intValue()).isEqualTo(1));
            // No create was ever refused: the emulator answered no 429 at all.
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) stats.get("responses_by_status");
            assertThat(responses).as("answers by status").containsKey("200").doesNotContainKey("429");
            // A SIGKILL can cut a create mid-request (counted, no job): at most what the two killed workers had in
            // flight.
            @SuppressWarnings("unchecked")
            Map<String, Object> requests = (Map<String, Object>) stats.get("requests");
            assertThat(((Number) requests.get("POST /v1/videos")).longValue())
                    .as("creates received: " + requests)
                    .isBetween((long) JOBS, JOBS + 2L * CONCURRENCY);
            // And no worker heard one (ids are hex, so a bare 429 inside an id does not count).
            assertThat(log).noneMatch(l -> STATUS_429.matcher(l).find());

            Map.Entry<Integer, String> status = output(sora, env, "queue", "status", "--queue", "it");
            assertThat(status.getKey()).isZero();
            Map<String, Object> s = Json.parse(status.getValue());
            assertThat(s).containsEntry("done", JOBS).containsEntry("failed", 0).containsEntry("pending", 0);
            assertThat(((Number) s.get("spent")).doubleValue()).isEqualTo(JOBS * COST_PER_JOB, within());
        }

        // Every MP4 is whole, and is the file the ledger recorded.
        assertThat(SoraProcesses.count(out, ".mp4")).isEqualTo(JOBS);
        Map<String, String> pg = new HashMap<>(Map.of("PGUSER", "postgres"));
        try (PostgresLedger ledger = PostgresLedger.open(url, pg, Clock.systemUTC(), "test")) {
            List<LedgerEntry> downloads = ledger.list(null, 10_000).stream()
                    .filter(e -> e.downloadSha256() != null)
                    .toList();
            assertThat(downloads).hasSize(JOBS);
            for (LedgerEntry e : downloads) {
                Path file = Path.of(e.downloadPath());
                assertThat(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                        .isEqualTo(e.downloadSha256());
                assertThat(Mp4Check.problem(file)).as(file.toString()).isEmpty();
            }
        }
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-6);
    }

    @Test
    void the_queue_on_a_sqlite_ledger_is_a_config_error_with_the_fix() throws Exception {
        SoraProcesses sora = new SoraProcesses(dir);
        Files.writeString(dir.resolve("jobs.jsonl"), "a lighthouse\n");
        List<String> log = new ArrayList<>();
        int code = sora.run(Map.of("OPENAI_API_KEY", "sk-x"), l -> false, log, "queue", "add", "--input", "jobs.jsonl");
        assertThat(code).isEqualTo(4);
        assertThat(String.join("\n", log))
                .contains("needs the shared PostgreSQL ledger")
                .contains("jdbc:postgresql://HOST/DB")
                .doesNotContain("Exception");
    }
}
