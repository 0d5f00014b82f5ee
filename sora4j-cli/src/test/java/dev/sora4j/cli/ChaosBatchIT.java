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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 50-job {@code create-batch --wait --download} against an emulator full of faults. */
class ChaosBatchIT {
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

    @Test
    void under_chaos_the_same_batch_completes_with_every_file_valid() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= JOBS; i++) {
            lines.add("Chaos clip " + i + ", rain on a tin roof");
        }
        Files.write(dir.resolve("jobs.jsonl"), lines);
        // 10 % 5xx on every route, a 429 on every 6th create (with retry-after), 5 % of downloads cut
        // after the headers and 5 % truncated halfway.
        Process server = sora(Map.of(), "emulator", "--state-dir", dir.resolve("served").toString(), "--control",
                "--no-rate-limits", "--render-threads", "2", "--speed", "4", "--error-rate", "0.1", "--seed", "7",
                "--fault", "POST /v1/videos every=6 status=429 retry-after=1", "--reset-after-headers-rate", "0.05",
                "--truncate-rate", "0.05").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> log = new ArrayList<>();
        try {
            String url;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                url = out.readLine();
            }
            Map<String, String> env = Map.of("OPENAI_BASE_URL", url, "OPENAI_API_KEY", "sk-chaos-test-key-0123456789");
            Process p = sora(env, "create-batch", "--input", "jobs.jsonl", "--out-dir", "out", "--wait", "--download",
                    "--poll-interval", "0.5", "--concurrency", "3", "--max-attempts", "10")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    log.add(line);
                }
            }
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size()))).isZero();
            assertThat(log).anyMatch(l -> l.contains("(HTTP 429)")).anyMatch(l -> l.matches(".*HTTP 50[023].*"));

            String stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.replace("/v1", "")
                    + "/_emulator/stats")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(((Number) Json.parse(stats).get("jobs_created")).intValue()).isEqualTo(JOBS);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(countMp4()).isEqualTo(JOBS);
        try (SqliteLedger ledger = SqliteLedger.open(dir.resolve("home/ledger.db"), Clock.systemUTC())) {
            List<LedgerEntry> withFiles = ledger.list(null, 1000).stream().filter(e -> e.downloadSha256() != null).toList();
            assertThat(withFiles).hasSize(JOBS);
            for (LedgerEntry e : withFiles) {
                Path file = Path.of(e.downloadPath());
                assertThat(sha256(file)).isEqualTo(e.downloadSha256());
                assertThat(dev.sora4j.pipeline.Mp4Check.problem(file)).as(file.toString()).isEmpty();
            }
        }
        try (Stream<Path> all = Files.walk(dir.resolve("out"))) {
            assertThat(all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part"))).isEmpty();
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
