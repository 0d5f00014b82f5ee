package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.FaultRule;
import dev.sora4j.emulator.config.RenderMode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code create-batch} against an emulator that answers every third create with 429 and Retry-After: 1. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CreateBatchIT {
    @TempDir
    static Path home;

    static ManualClock clock;
    static Emulator emulator;
    static CliRun sora;

    @BeforeAll
    static void start() {
        clock = new ManualClock(Instant.parse("2026-11-04T09:00:00Z"));
        emulator = Emulator.start(
                EmulatorConfig.defaults(home.resolve("emu"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .withFaults(List.of(FaultRule.parse("POST /v1/videos every=3 status=429 retry-after=1"))),
                0);
        sora = new CliRun(
                Map.of(
                        "SORA4J_HOME",
                        home.toString(),
                        "OPENAI_API_KEY",
                        "sk-batch-test",
                        "OPENAI_BASE_URL",
                        emulator.baseUrl()),
                clock,
                d -> {
                    clock.advance(d);
                    emulator.awaitRenders(Duration.ofMinutes(2));
                });
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static int jobsOnServer() {
        CliRun.Result list = sora.run("list", "--limit", "100");
        return ((List<?>) Json.parse(list.out()).get("data")).size();
    }

    @Test
    void twenty_jobs_survive_every_third_create_being_rate_limited(@TempDir Path work) throws Exception {
        // A character from a real clip, and a first-frame image matching the default size.
        Path clip = work.resolve("clip.mp4");
        // Single creates ride over the injected 429s on the SDK's own retries (which honour retry-after).
        CliRun.Result source = sora.run(
                "create-and-poll", "--prompt", "Mossy the moss creature", "--download", "--out", clip.toString());
        assertThat(source.code()).as(source.err()).isZero();
        CliRun.Result character = sora.run("create-character", "--name", "Mossy", "--video-file", clip.toString());
        assertThat(character.code()).as(character.err()).isZero();
        String charId = String.valueOf(Json.parse(character.out()).get("id"));
        BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(frame, "png", work.resolve("first.png").toFile());

        List<String> lines = new ArrayList<>();
        lines.add("# twenty jobs: strings, objects, a character, an image and an escaping out");
        lines.add("");
        for (int i = 1; i <= 14; i++) {
            lines.add(i % 2 == 0 ? "A paper boat, take " + i : "\"A quoted prompt, take " + i + "\"");
        }
        lines.add("{\"prompt\": \"Mossy waves hello\", \"characters\": [\"" + charId + "\"], \"seconds\": \"8\"}");
        lines.add("{\"prompt\": \"From the first frame\", \"input_reference\": \"first.png\"}");
        lines.add("{\"prompt\": \"Trying to escape\", \"out\": \"../escape.json\"}");
        lines.add(
                "{\"prompt\": \"Pro and tall\", \"model\": \"sora-2-pro\", \"size\": \"1080x1920\", \"fields\": {\"camera\": \"slow dolly\"}}");
        // The character's name must be in the prompt (else the line is refused before sending).
        lines.add("{\"prompt\": \"Lit Mossy\", \"lighting\": \"golden hour\", \"character_ids\": \"" + charId + "\"}");
        lines.add("{\"prompt\": \"By URL\", \"input_reference\": {\"image_url\": \"https://example.com/frame.png\"}}");
        Path jobs = Files.write(work.resolve("jobs.jsonl"), lines);
        Path outDir = work.resolve("out");
        int before = jobsOnServer();

        CliRun.Result r = sora.run(
                "create-batch",
                "--input",
                jobs.toString(),
                "--out-dir",
                outDir.toString(),
                "--concurrency",
                "3",
                "--max-attempts",
                "10");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("failed (HTTP 429); retrying in 1.0s");
        Map<String, Object> summary = Json.parse(r.out());
        assertThat(summary)
                .containsEntry("jobs", 20)
                .containsEntry("created", 20)
                .containsEntry("failed", 0);
        try (Stream<Path> files = Files.list(outDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .hasSize(20)
                    .contains("001-a-quoted-prompt-take-1.json", "escape.json");
        }
        assertThat(work.resolve("escape.json")).doesNotExist();
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("clip.mp4", "first.png", "jobs.jsonl", "out");
        }
        assertThat(jobsOnServer() - before).isEqualTo(20);
        String lit = Files.readString(outDir.resolve("019-lit-mossy.json"));
        assertThat(lit).contains("Lighting/mood: golden hour");

        // Running the same batch again sends nothing: the ledger knows every line's job.
        CliRun.Result again = sora.run("create-batch", "--input", jobs.toString(), "--out-dir", outDir.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Json.parse(again.out())).containsEntry("created", 0).containsEntry("already_created", 20);
        assertThat(jobsOnServer() - before).isEqualTo(20);

        // A result file this batch did not write is never replaced (without --force), and nothing is sent.
        Path foreign = Files.createDirectories(work.resolve("elsewhere"));
        Files.writeString(foreign.resolve("001-a-quoted-prompt-take-1.json"), "{\"mine\": true}");
        CliRun.Result refused = sora.run("create-batch", "--input", jobs.toString(), "--out-dir", foreign.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(refused.err()).contains("--force");
        assertThat(jobsOnServer() - before).isEqualTo(20);
    }

    @Test
    void max_cost_refuses_a_batch_whose_estimate_is_higher_before_sending(@TempDir Path work) throws Exception {
        Path jobs = Files.write(work.resolve("jobs.jsonl"), List.of("One", "Two", "Three"));
        int before = jobsOnServer();
        CliRun.Result r = sora.run(
                "create-batch",
                "--input",
                jobs.toString(),
                "--out-dir",
                work.resolve("o").toString(),
                "--max-cost",
                "1");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--max-cost 1.00").contains("estimated at $1.20");
        assertThat(jobsOnServer()).isEqualTo(before);
    }

    @Test
    void a_bad_line_fails_the_run_before_anything_is_sent(@TempDir Path work) throws Exception {
        Path jobs = Files.write(
                work.resolve("jobs.jsonl"),
                List.of("A fine prompt", "{\"prompt\": \"too long\", \"seconds\": \"30\"}"));
        int before = jobsOnServer();
        CliRun.Result r = sora.run(
                "create-batch",
                "--input",
                jobs.toString(),
                "--out-dir",
                work.resolve("o").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("line 2").contains("'30'");
        assertThat(jobsOnServer()).isEqualTo(before);
        assertThat(work.resolve("o")).doesNotExist();

        Path broken = Files.write(work.resolve("broken.jsonl"), List.of("{\"prompt\": \"x\""));
        assertThat(sora.run("create-batch", "--input", broken.toString(), "--out-dir", work.toString())
                        .err())
                .contains("line 1")
                .contains("invalid JSON");
        assertThat(sora.run(
                                "create-batch",
                                "--input",
                                jobs.toString(),
                                "--out-dir",
                                work.toString(),
                                "--concurrency",
                                "11")
                        .err())
                .contains("--concurrency must be between 1 and 10");
    }

    @Test
    void dry_run_prints_each_request_with_its_output_and_needs_no_key(@TempDir Path work) throws Exception {
        Path jobs = Files.write(work.resolve("jobs.jsonl"), List.of("One", "{\"prompt\": \"Two\", \"out\": \"two\"}"));
        CliRun noKey = new CliRun(Map.of("SORA4J_HOME", home.toString()), clock, d -> {});
        CliRun.Result r = noKey.run(
                "create-batch",
                "--input",
                jobs.toString(),
                "--out-dir",
                work.resolve("o").toString(),
                "--dry-run",
                "--seconds",
                "8",
                "--no-augment");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("\"endpoint\" : \"/v1/videos\"")
                .contains("\"seconds\" : \"8\"")
                .contains("001-one.json")
                .contains("two.json")
                .contains("\"prompt\" : \"Two\"");
    }

    @Test
    void the_readme_jobs_file_is_valid(@TempDir Path work) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("cat > jobs.jsonl <<'JSONL'\n");
        assertThat(start).as("README has the jobs.jsonl example").isPositive();
        start = readme.indexOf('\n', start) + 1;
        String jsonl = readme.substring(start, readme.indexOf("JSONL\n", start));
        Path jobs = Files.writeString(work.resolve("jobs.jsonl"), jsonl);
        ImageIO.write(
                new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB),
                "png",
                work.resolve("frame.png").toFile());
        CliRun noKey = new CliRun(Map.of("SORA4J_HOME", home.toString()), clock, d -> {});
        CliRun.Result r = noKey.run(
                "create-batch",
                "--input",
                jobs.toString(),
                "--out-dir",
                work.resolve("out").toString(),
                "--dry-run");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("frame-shot.json")
                .contains("Camera: slow dolly")
                .contains("004-tall-and-slow.json");
    }

    @Test
    void twenty_jobs_complete_under_twenty_percent_5xx_and_a_30_per_minute_limit(@TempDir Path work) throws Exception {
        ManualClock chaosClock = new ManualClock(Instant.parse("2026-11-04T12:00:00Z"));
        dev.sora4j.emulator.config.Chaos chaos = dev.sora4j.emulator.config.Chaos.none()
                .withErrorRate("POST /v1/videos", 0.2)
                .withSeed(2026);
        try (Emulator chaotic = Emulator.start(
                EmulatorConfig.defaults(work.resolve("emu"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(chaosClock)
                        .withChaos(chaos)
                        .withRateLimits(dev.sora4j.emulator.config.RateLimits.parse("*=30")),
                0)) {
            CliRun run = new CliRun(
                    Map.of(
                            "SORA4J_HOME",
                            work.resolve("home").toString(),
                            "OPENAI_API_KEY",
                            "sk-chaos",
                            "OPENAI_BASE_URL",
                            chaotic.baseUrl()),
                    chaosClock,
                    d -> {
                        chaosClock.advance(d);
                        chaotic.awaitRenders(Duration.ofMinutes(2));
                    });
            List<String> lines = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                lines.add("Chaos job " + i);
            }
            Path jobs = Files.write(work.resolve("jobs.jsonl"), lines);
            CliRun.Result r = run.run(
                    "create-batch",
                    "--input",
                    jobs.toString(),
                    "--out-dir",
                    work.resolve("out").toString(),
                    "--concurrency",
                    "3",
                    "--max-attempts",
                    "10");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).containsPattern("failed \\(HTTP 50[023]\\); retrying in");
            assertThat(Json.parse(r.out())).containsEntry("created", 20);
            // Injected errors happen before a job exists, so every retry was safe: exactly 20 jobs.
            assertThat(chaotic.jobsCreated()).isEqualTo(20);
            @SuppressWarnings("unchecked")
            Map<String, Long> perPrompt = (Map<String, Long>) chaotic.stats().get("jobs_by_prompt_sha256");
            assertThat(perPrompt)
                    .hasSize(20)
                    .allSatisfy((hash, n) -> assertThat(n).isEqualTo(1L));
            chaosClock.advance(Duration.ofMinutes(5));
            chaotic.awaitRenders(Duration.ofMinutes(3));
        }
    }
}
