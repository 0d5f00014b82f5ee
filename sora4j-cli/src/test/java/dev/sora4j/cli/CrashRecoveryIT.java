package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.SqliteLedger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50-job {@code create-batch --wait --download} is killed with SIGKILL at five points and rerun
 * each time; the emulator (a separate, long-lived process) counts what was really created.
 */
class CrashRecoveryIT {
    private static final Path SORA = Path.of(System.getProperty("basedir", ".")).resolve("../bin/sora").normalize();
    private static final int JOBS = 50;

    @TempDir
    Path dir;

    private ProcessBuilder sora(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(SORA.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OPENAI_") || k.startsWith("SORA4J_"));
        pb.environment().put("SORA4J_HOME", dir.resolve("home").toString());
        pb.environment().put("SORA4J_NO_BUILD", "1");
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs the batch until {@code killWhen} matches a stderr line (then SIGKILL), or to the end; returns the exit code or -9. */
    private int runBatch(Map<String, String> env, Predicate<String> killWhen, List<String> log) throws Exception {
        return run(env, killWhen, log, "create-batch", "--input", "jobs.jsonl", "--out-dir", "out", "--wait", "--download",
                "--poll-interval", "0.5", "--concurrency", "3");
    }

    private int run(Map<String, String> env, Predicate<String> killWhen, List<String> log, String... args) throws Exception {
        Process p = sora(env, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean killed = false;
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                log.add(line);
                if (killWhen.test(line)) {
                    p.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return killed ? -9 : p.exitValue();
    }

    private static Predicate<String> after(int n, String fragment) {
        AtomicInteger seen = new AtomicInteger();
        return line -> line.contains(fragment) && seen.incrementAndGet() >= n;
    }

    @Test
    void killed_at_five_points_and_rerun_every_job_is_created_once_and_downloaded_whole() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= JOBS; i++) {
            lines.add("Crash test clip " + i + ", a lighthouse beam sweeping the fog");
        }
        Files.write(dir.resolve("jobs.jsonl"), lines);
        Process server = sora(Map.of(), "emulator", "--state-dir", dir.resolve("served").toString(), "--control",
                "--no-rate-limits", "--render-threads", "2", "--speed", "4", "--content-bytes-per-second", "4000000")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> log = new ArrayList<>();
        try {
            String url;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                url = out.readLine();
            }
            Map<String, String> env = Map.of("OPENAI_BASE_URL", url, "OPENAI_API_KEY", "sk-crash-test-key-0123456789");

            assertThat(runBatch(env, line -> line.startsWith("Creating " + JOBS), log)).as("before the first submit").isEqualTo(-9);
            assertThat(runBatch(env, after(10, " created video_"), log)).as("mid-submission").isEqualTo(-9);
            assertThat(runBatch(env, line -> line.matches(".*\\] video_\\w+ (queued|in_progress) .*"), log))
                    .as("mid-tracking").isEqualTo(-9);
            assertThat(runBatch(env, after(2, " downloaded "), log)).as("mid-download").isEqualTo(-9);
            Predicate<String> nearEnd = line -> line.contains(" downloaded ") && countMp4() >= JOBS - 5;
            int nearEndCode = runBatch(env, nearEnd, log);
            assertThat(nearEndCode).as("near the end").isIn(-9, 0);
            // The last run is `sora resume`, which repeats the unfinished create-batch from the ledger.
            int last = run(env, line -> false, log, "resume");
            assertThat(last).as(String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()))).isZero();
            List<String> again = new ArrayList<>();
            assertThat(run(env, line -> false, again, "resume")).isZero();
            assertThat(again).anyMatch(l -> l.contains("Nothing to resume"));

            // Exactly once: the emulator created 50 jobs, one per prompt.
            String stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.replace("/v1", "")
                    + "/_emulator/stats")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Object> parsed = Json.parse(stats);
            assertThat(((Number) parsed.get("jobs_created")).intValue()).isEqualTo(JOBS);
            @SuppressWarnings("unchecked")
            Map<String, Object> perPrompt = (Map<String, Object>) parsed.get("jobs_by_prompt_sha256");
            assertThat(perPrompt).hasSize(JOBS).allSatisfy((k, v) -> assertThat(((Number) v).intValue()).isEqualTo(1));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }

        // All 50 MP4s are whole, their sha256 is in the ledger, and no partial file is left anywhere.
        assertThat(countMp4()).isEqualTo(JOBS);
        try (Stream<Path> all = Files.walk(dir.resolve("out"))) {
            assertThat(all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part") || n.endsWith(".tmp")))
                    .isEmpty();
        }
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("home/ledger.db"), Clock.systemUTC())) {
            List<LedgerEntry> withFiles = ledger.list(null, 1000).stream().filter(e -> e.downloadSha256() != null).toList();
            assertThat(withFiles).hasSize(JOBS);
            for (LedgerEntry e : withFiles) {
                Path file = Path.of(e.downloadPath());
                assertThat(sha256(file)).as(file.toString()).isEqualTo(e.downloadSha256());
                assertThat(Files.size(file)).isEqualTo(e.downloadSize());
                assertThat(dev.sora4j.pipeline.Mp4Check.problem(file)).isEmpty();
            }
            // The key is never in the ledger.
            assertThat(new String(Files.readAllBytes(dir.resolve("home/ledger.db")), StandardCharsets.ISO_8859_1))
                    .doesNotContain("sk-crash-test-key");
        }
    }

    private long countMp4() {
        Path out = dir.resolve("out");
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mp4")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
