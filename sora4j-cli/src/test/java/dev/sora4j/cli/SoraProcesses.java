package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.cli.daemon.IdleTimeout;
import dev.sora4j.internal.files.Mp4Check;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.options.Sleeper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs {@code bin/sora} as a separate process in a test's directory, the way a user does: a clean
 * environment (no OPENAI_* or SORA4J_* from the machine), {@code SORA4J_HOME} inside the directory,
 * and emulators (offline or served) on the fast renderer unless the test's environment says otherwise.
 */
final class SoraProcesses {
    private static final Path SORA =
            Path.of(System.getProperty("basedir", ".")).resolve("../bin/sora").normalize();

    private final Path dir;

    SoraProcesses(Path dir) {
        this.dir = dir;
    }

    ProcessBuilder sora(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(SORA.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OPENAI_") || k.startsWith("SORA4J_"));
        pb.environment().put("SORA4J_HOME", home().toString());
        pb.environment().put("SORA4J_NO_BUILD", "1");
        // Cached clips instead of an encode per job; a test that checks real renders passes "ffmpeg".
        pb.environment().put(CliContext.RENDER_KNOB, "fast");
        // A background emulator that a test forgets to stop still goes away soon.
        pb.environment().put(IdleTimeout.VARIABLE, "60s");
        pb.environment().putAll(env);
        return pb;
    }

    /**
     * Stops the background emulator that {@code --offline} commands run here started (a no-op when
     * none runs), in this process, so that no emulator outlives its test's directory.
     */
    void stopBackgroundEmulator() {
        CliRun.Result r = new CliRun(Map.of("SORA4J_HOME", home().toString()), Clock.systemUTC(), Sleeper.system())
                .run("emulator", "stop");
        assertThat(r.code()).as(r.err()).isZero();
    }

    /**
     * Writes a jobs file of {@code count} plain prompts, {@code first + i + rest} for i = 1..count,
     * as {@code jobs.jsonl} in this directory.
     */
    Path writeJobs(int count, String first, String rest) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(first + i + rest);
        }
        return Files.write(dir.resolve("jobs.jsonl"), lines);
    }

    /** The data directory ({@code SORA4J_HOME}) of every command run here. */
    Path home() {
        return dir.resolve("home");
    }

    /** The control token every emulator started here requires ({@code SORA4J_CONTROL_TOKEN}). */
    static final String CONTROL_TOKEN = "test-control-token-0123456789";

    Served emulator(Map<String, String> env, String... args) throws IOException {
        return emulator(env, ProcessBuilder.Redirect.DISCARD, args);
    }

    /** As above, with the emulator's stderr sent to {@code stderr}. */
    Served emulator(Map<String, String> env, ProcessBuilder.Redirect stderr, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("emulator"));
        all.addAll(List.of(args));
        Map<String, String> withToken = new HashMap<>(env);
        withToken.put("SORA4J_CONTROL_TOKEN", CONTROL_TOKEN);
        Process server = sora(withToken, all.toArray(String[]::new))
                .redirectError(stderr)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            return new Served(server, out.readLine());
        }
    }

    /**
     * Runs {@code sora ARGS}, collecting stderr lines into {@code log}; SIGKILLs it as soon as a line
     * matches {@code killWhen}. Returns the exit code, or -9 when killed.
     */
    int run(Map<String, String> env, Predicate<String> killWhen, List<String> log, String... args) throws Exception {
        Process p =
                sora(env, args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean killed = false;
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
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

    /**
     * How a run ended.
     *
     * @param code its exit code, or -9 when it was killed here
     * @param out its stdout
     * @param err its stderr
     */
    record Ended(int code, String out, String err) {}

    /**
     * Runs {@code sora ARGS} and SIGKILLs it as soon as {@code killWhen} holds, which is checked every
     * few milliseconds while the process lives: it should wait on a state the process cannot leave on
     * its own (an answer a proxy holds back), so the kill lands exactly there. Output goes to files in
     * the test's directory, so a chatty run never blocks on a full pipe.
     */
    Ended runUntil(Map<String, String> env, BooleanSupplier killWhen, String... args) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("runs"));
        Path out = Files.createTempFile(logs, "sora-", ".out");
        Path err = Files.createTempFile(logs, "sora-", ".err");
        Process p = sora(env, args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean killed = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!p.waitFor(10, TimeUnit.MILLISECONDS)) {
            if (killWhen.getAsBoolean()) {
                p.destroyForcibly();
                killed = true;
                break;
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("sora " + String.join(" ", args)
                        + " neither ended nor reached its kill point:\n" + Files.readString(err));
            }
        }
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Ended(killed ? -9 : p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A served emulator: its process and the base URL it printed. */
    record Served(Process process, String url) implements AutoCloseable {
        Map<String, Object> stats() throws Exception {
            return Json.parse(HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url.replace("/v1", "") + "/_emulator/stats"))
                                    .header("Authorization", "Bearer " + CONTROL_TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Files in {@code dir} whose name ends with {@code suffix} (0 when the directory is missing). */
    static long count(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        // A running batch removes its emptied .sora4j-parts directory at any moment: a walk that
        // meets a vanished directory is simply taken again (a few times at most).
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(p -> p.getFileName().toString().endsWith(suffix))
                        .count();
            } catch (IOException | UncheckedIOException e) {
                if (attempt >= 5) {
                    throw new AssertionError("cannot list " + dir, e);
                }
            }
        }
    }

    /** Every ledger download exists, is a whole MP4 and has the recorded size and sha256; returns how many. */
    static int verifiedDownloads(Path ledgerFile) throws Exception {
        try (SqliteLedger ledger = SqliteLedger.open(ledgerFile, Clock.systemUTC())) {
            List<LedgerEntry> withFiles = ledger.list(null, 100_000).stream()
                    .filter(e -> e.downloadSha256() != null)
                    .toList();
            for (LedgerEntry e : withFiles) {
                Path file = Path.of(e.downloadPath());
                assertThat(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                        .as(file.toString())
                        .isEqualTo(e.downloadSha256());
                assertThat(Files.size(file)).isEqualTo(e.downloadSize());
                assertThat(Mp4Check.problem(file)).as(file.toString()).isEmpty();
            }
            return withFiles.size();
        }
    }
}
