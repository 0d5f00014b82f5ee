package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commands through picocli with captured writers, against the emulator on port 0. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CliIT {
    private static final String KEY = "sk-test-cli-0123456789";

    @TempDir
    static Path home;

    static ManualClock clock;
    static Emulator emulator;
    static CliRun sora;
    static CliRun noKey;

    @BeforeAll
    static void start() {
        clock = new ManualClock(Instant.parse("2026-11-02T09:00:00Z"));
        emulator = Emulator.start(
                EmulatorConfig.defaults(home.resolve("emu"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock),
                0);
        dev.sora4j.options.Sleeper sleeper = d -> {
            clock.advance(d);
            emulator.awaitRenders(Duration.ofMinutes(2));
        };
        sora = new CliRun(
                Map.of("SORA4J_HOME", home.toString(), "OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", emulator.baseUrl()),
                clock,
                sleeper);
        noKey = new CliRun(Map.of("SORA4J_HOME", home.toString()), clock, sleeper);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String idOf(String json) {
        return String.valueOf(Json.parse(json).get("id"));
    }

    @Test
    void create_status_poll_download_list_delete(@TempDir Path dir) throws Exception {
        CliRun.Result created = sora.run("create", "--prompt", "A kite over dunes", "--json-out", dir + "/");
        assertThat(created.code()).isZero();
        String id = idOf(created.out());
        assertThat(Json.parse(created.out())).containsEntry("status", "queued");
        assertThat(Files.readString(dir.resolve("create.json"))).contains(id);

        CliRun.Result status = sora.run("status", "--id", id);
        assertThat(status.code()).isZero();
        assertThat(Json.parse(status.out())).containsEntry("id", id);

        CliRun.Result polled = sora.run(
                "poll",
                "--id",
                id,
                "--poll-interval",
                "1",
                "--download",
                "--out",
                dir.resolve("clip").toString());
        assertThat(polled.code()).as(polled.err()).isZero();
        assertThat(Json.parse(polled.out())).containsEntry("status", "completed");
        assertThat(polled.err()).contains("Status: completed (100%)").contains("Wrote");
        assertThat(dir.resolve("clip.mp4")).isRegularFile();

        assertThat(sora.run(
                                "download",
                                "--id",
                                id,
                                "--variant",
                                "thumbnail",
                                "--out",
                                dir.resolve("t").toString())
                        .code())
                .isZero();
        assertThat(sora.run(
                                "download",
                                "--id",
                                id,
                                "--variant",
                                "spritesheet",
                                "--out",
                                dir.resolve("s").toString())
                        .code())
                .isZero();
        assertThat(dir.resolve("t.webp")).isRegularFile();
        assertThat(dir.resolve("s.jpg")).isRegularFile();

        CliRun.Result again = sora.run(
                "download", "--id", id, "--out", dir.resolve("clip.mp4").toString());
        assertThat(again.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(again.err()).contains("Output exists").contains("--force");

        CliRun.Result list = sora.run("list", "--limit", "100");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains(id);

        CliRun.Result deleted =
                sora.run("delete", "--id", id, "--json-out", dir.resolve("del").toString());
        assertThat(deleted.code()).isZero();
        assertThat(Json.parse(deleted.out())).containsEntry("deleted", true);
        assertThat(dir.resolve("del.json")).isRegularFile();

        CliRun.Result gone = sora.run("status", "--id", id);
        assertThat(gone.code()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(gone.err().strip().lines()).hasSize(1);
        assertThat(gone.err()).contains("404").contains("not found");
    }

    @Test
    void create_and_poll_prints_both_objects_and_downloads(@TempDir Path dir) {
        CliRun.Result r = sora.run(
                "create-and-poll",
                "--prompt",
                "Waves",
                "--seconds",
                "8",
                "--poll-interval",
                "2",
                "--download",
                "--variant",
                "spritesheet",
                "--out",
                dir.resolve("sheet.jpg").toString(),
                "--json-out",
                dir.resolve("bundle.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"queued\"").contains("\"completed\"");
        assertThat(dir.resolve("sheet.jpg")).isRegularFile();
        assertThat(Json.parse(dev.sora4j.cli.CliIT.read(dir.resolve("bundle.json"))))
                .containsKeys("create", "final");
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--size|1920x1080|--size '1920x1080' is not allowed for sora-2 under the guide profile; allowed: 1280x720, 720x1280",
                "--seconds|5|--seconds '5' is not allowed under the guide profile; allowed: 4, 8, 12, 16, 20",
                "--model|sora-3|--model 'sora-3' is not allowed under the guide profile; allowed: sora-2, sora-2-pro",
            })
    void bad_values_fail_before_any_request_with_one_line_and_exit_2(String flag, String value, String message) {
        int before = countVideos();
        CliRun.Result r = sora.run("create", "--prompt", "x", flag, value);
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("Error: " + message);
        assertThat(r.out()).isEmpty();
        assertThat(countVideos()).isEqualTo(before);
    }

    private static int countVideos() {
        try (var files = Files.list(home.resolve("emu").resolve("videos"))) {
            return (int) files.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void dry_run_needs_no_key_and_prints_the_request(@TempDir Path dir) {
        CliRun.Result r = noKey.run(
                "create",
                "--prompt",
                "A fox",
                "--model",
                "sora-2-pro",
                "--size",
                "1080x1920",
                "--seconds",
                "12",
                "--input-reference-url",
                "https://example.com/a.png",
                "--dry-run",
                "--json-out",
                dir.toString());
        assertThat(r.code()).isZero();
        assertThat(Json.parse(r.out()))
                .containsEntry("endpoint", "/v1/videos")
                .containsEntry("size", "1080x1920")
                .containsEntry("seconds", "12")
                .containsEntry("input_reference", Map.of("image_url", "https://example.com/a.png"));
        assertThat(r.err()).contains("OPENAI_API_KEY is not set; dry-run only.");
        assertThat(read(dir.resolve("create.json"))).contains("\"dry_run\" : true");
    }

    @Test
    void prompts_are_augmented_by_default_and_sent_unchanged_with_no_augment() {
        CliRun.Result plain = noKey.run("create", "--prompt", "A fox", "--no-augment", "--dry-run");
        assertThat(Json.parse(plain.out())).containsEntry("prompt", "A fox");
        CliRun.Result rich =
                noKey.run("create", "--prompt", "A fox", "--camera", "slow dolly", "--negative", "text", "--dry-run");
        assertThat(Json.parse(rich.out()))
                .containsEntry("prompt", "Primary request: A fox\nCamera: slow dolly\nAvoid: text");
        CliRun.Result twice = noKey.run("create", "--prompt", "Primary request: A fox", "--dry-run");
        assertThat(twice.err()).contains("wraps it twice").contains("--no-augment");
    }

    @Test
    void a_live_call_without_a_key_is_a_config_error_in_one_line() {
        CliRun.Result r = noKey.run("status", "--id", "video_1");
        assertThat(r.code()).isEqualTo(ExitCodes.CONFIG);
        assertThat(r.err().strip())
                .isEqualTo("Error: OPENAI_API_KEY is not set. Export it, or pass --offline to use the local emulator.");
    }

    @Test
    void the_api_key_never_appears_in_output_json_out_or_the_ledger(@TempDir Path dir) throws Exception {
        CliRun.Result r = sora.run("create", "--prompt", "secret check", "--json-out", dir.toString(), "--verbose");
        CliRun.Result bad = sora.run("status", "--id", "video_missing", "--verbose");
        CliRun.Result jobs = sora.run("jobs", "--json");
        assertThat(r.out()
                        + r.err()
                        + bad.out()
                        + bad.err()
                        + read(dir.resolve("create.json"))
                        + jobs.out()
                        + jobs.err())
                .doesNotContain(KEY);
        byte[] ledger = java.nio.file.Files.readAllBytes(home.resolve("ledger.db"));
        assertThat(new String(ledger, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(KEY)
                .contains("secret check");
    }

    @Test
    void the_ledger_lists_jobs_and_resolves_at_last_and_at_n() {
        CliRun.Result created = sora.run("create", "--prompt", "Ledger me", "--no-augment");
        String id = idOf(created.out());
        CliRun.Result list = sora.run("jobs", "--json", "--limit", "5");
        assertThat(list.out())
                .contains(id)
                .contains("\"estimated_cost_usd\" : 0.4")
                .contains("Ledger me");
        assertThat(Json.parse(sora.run("status", "--id", "@last").out())).containsEntry("id", id);
        String seq = sora.run("jobs")
                .out()
                .lines()
                .filter(l -> l.contains(id))
                .findFirst()
                .orElseThrow()
                .split("\\s+")[0];
        assertThat(Json.parse(sora.run("status", "--id", seq).out())).containsEntry("id", id);
        CliRun.Result show = sora.run("jobs", "show", "@last");
        assertThat(show.out()).contains("\"events\"").contains("intent").contains("created");
        CliRun.Result missing = sora.run("status", "--id", "@99999");
        assertThat(missing.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(missing.err()).contains("@99999").contains("sora jobs");
        CliRun.Result dry = noKey.run(
                "create",
                "--prompt",
                "x",
                "--model",
                "sora-2-pro",
                "--size",
                "1920x1080",
                "--seconds",
                "8",
                "--dry-run");
        assertThat(Json.parse(dry.out())).containsEntry("estimated_cost_usd", 5.6);
        clock.advance(java.time.Duration.ofMinutes(1));
        emulator.awaitRenders(java.time.Duration.ofMinutes(1));
    }

    @Test
    void usage_errors_exit_2_with_a_hint() {
        CliRun.Result r = sora.run("status");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("Missing required option: '--id=VIDEO_ID'").contains("Try 'sora status --help'");
        assertThat(sora.run("list", "--limit", "500").code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(sora.run("create", "--prompt", "x", "--input-reference", "/no/such.png")
                        .err())
                .contains("--input-reference /no/such.png: file not found");
    }

    @Test
    void help_lists_every_command_and_each_command_shows_an_example() {
        CliRun.Result help = sora.run("--help");
        assertThat(help.code()).isZero();
        java.util.List<String> expected = java.util.List.of(
                "create",
                "create-and-poll",
                "edit",
                "extend",
                "remix",
                "create-character",
                "get-character",
                "create-batch",
                "poll",
                "status",
                "list",
                "download",
                "delete",
                "jobs",
                "gallery",
                "resume",
                "emulator",
                "batch",
                "queue",
                "worker",
                "webhooks",
                "skill",
                "providers",
                "doctor");
        java.util.List<String> registered = new java.util.ArrayList<>(
                new picocli.CommandLine(new SoraCommand(null)).getSubcommands().keySet());
        registered.remove("help");
        assertThat(registered).containsExactlyInAnyOrderElementsOf(expected);
        for (String cmd : expected) {
            assertThat(help.out()).contains("  " + cmd + " ");
            CliRun.Result sub = sora.run(cmd, "--help");
            assertThat(sub.out()).as(cmd).contains("Example").contains("  sora ");
        }
        assertThat(help.out()).contains("Exit codes:").contains("OPENAI_API_KEY");
    }

    @Test
    void emulator_help_documents_every_knob() {
        CliRun.Result help = sora.run("emulator", "--help");
        picocli.CommandLine.Model.CommandSpec spec = new picocli.CommandLine(new SoraCommand(null))
                .getSubcommands()
                .get("emulator")
                .getCommandSpec();
        for (picocli.CommandLine.Model.OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue; // --daemon: how the background emulator of --offline is started, not a knob
            }
            assertThat(help.out()).as(option.longestName()).contains(option.longestName());
            if (!option.longestName().equals("--help") && !option.longestName().equals("--version")) {
                assertThat(option.description()).as(option.longestName()).isNotEmpty();
            }
        }
        assertThat(help.out())
                .contains("x-sora4j-fault")
                .contains("--rpm")
                .contains("--webhook-url")
                .contains("--control")
                .contains("--dialect")
                .contains("--error-rate")
                .contains("--truncate-rate")
                .contains("--moderation");
    }

    @Test
    void emulator_knobs_are_checked_before_it_starts() {
        CliRun.Result noSecret = sora.run("emulator", "--webhook-url", "http://127.0.0.1:9/hook");
        assertThat(noSecret.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noSecret.err()).contains("--webhook-secret");
        CliRun.Result badRate = sora.run("emulator", "--error-rate", "often");
        assertThat(badRate.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badRate.err()).contains("--error-rate");
        CliRun.Result badDialect = sora.run("emulator", "--dialect", "klingon");
        assertThat(badDialect.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badDialect.err()).contains("--dialect must be one of openai, gateway, litellm");
        CliRun.Result badProbability = sora.run("emulator", "--truncate-rate", "1.5");
        assertThat(badProbability.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badProbability.err()).contains("between 0 and 1");
    }
}
