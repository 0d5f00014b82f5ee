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

/** edit, extend, remix, create-character, get-character and delete --dry-run through picocli. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DerivedCommandsIT {
    @TempDir
    static Path home;

    static ManualClock clock;
    static Emulator emulator;
    static CliRun sora;
    static CliRun noKey;
    static String source;
    static Path clip;

    @BeforeAll
    static void start() {
        clock = new ManualClock(Instant.parse("2026-11-05T09:00:00Z"));
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
                Map.of(
                        "SORA4J_HOME",
                        home.toString(),
                        "OPENAI_API_KEY",
                        "sk-derived-test",
                        "OPENAI_BASE_URL",
                        emulator.baseUrl()),
                clock,
                sleeper);
        noKey = new CliRun(Map.of("SORA4J_HOME", home.toString()), clock, sleeper);
        clip = home.resolve("source.mp4");
        CliRun.Result made =
                sora.run("create-and-poll", "--prompt", "A lighthouse at dusk", "--download", "--out", clip.toString());
        assertThat(made.code()).as(made.err()).isZero();
        source = idOf(made.out().substring(made.out().lastIndexOf("\n{")));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String idOf(String json) {
        return String.valueOf(Json.parse(json).get("id"));
    }

    private static void finish() {
        clock.advance(Duration.ofMinutes(5));
        emulator.awaitRenders(Duration.ofMinutes(2));
    }

    @Test
    void edit_by_id_and_by_upload() {
        CliRun.Result byId = sora.run("edit", "--id", source, "--prompt", "Same shot at night", "--no-augment");
        assertThat(byId.code()).as(byId.err()).isZero();
        assertThat(Json.parse(byId.out()))
                .containsEntry("prompt", "Same shot at night")
                .containsEntry("status", "queued");

        CliRun.Result upload =
                sora.run("edit", "--video-file", clip.toString(), "--model", "sora-2-pro", "--prompt", "Purple");
        assertThat(upload.code()).as(upload.err()).isZero();
        assertThat(Json.parse(upload.out())).containsEntry("model", "sora-2-pro");

        CliRun.Result noModel = sora.run("edit", "--video-file", clip.toString(), "--prompt", "Purple");
        assertThat(noModel.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(noModel.err().strip())
                .isEqualTo("Error: --model is required when editing an uploaded source video, e.g. --model sora-2");

        CliRun.Result both = sora.run("edit", "--id", source, "--video-file", clip.toString(), "--prompt", "x");
        assertThat(both.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(both.err()).contains("mutually exclusive");

        CliRun.Result missing = sora.run("edit", "--id", "video_missing", "--prompt", "x");
        assertThat(missing.code()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(missing.err()).contains("HTTP 404");

        CliRun.Result dry = noKey.run(
                "edit",
                "--video-file",
                clip.toString(),
                "--model",
                "sora-2",
                "--prompt",
                "x",
                "--no-augment",
                "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(Json.parse(dry.out()))
                .containsEntry("endpoint", "/v1/videos/edits")
                .containsEntry("content_type", "multipart/form-data")
                .containsEntry("video", clip.toString())
                .containsEntry("model", "sora-2");
        finish();
    }

    @Test
    void extend_reports_the_stitched_total_and_checks_its_source() {
        CliRun.Result ext = sora.run("extend", "--id", source, "--seconds", "8", "--prompt", "The lamp turns on");
        assertThat(ext.code()).as(ext.err()).isZero();
        assertThat(Json.parse(ext.out())).containsEntry("seconds", "12");

        String pending = idOf(ext.out());
        CliRun.Result notDone = sora.run("extend", "--id", pending, "--prompt", "x");
        assertThat(notDone.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(notDone.err()).contains("only a completed video can be extended");

        CliRun.Result tooLong = sora.run("extend", "--id", source, "--seconds", "24", "--prompt", "x");
        assertThat(tooLong.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tooLong.err()).contains("--seconds '24' is not allowed for an extension");

        CliRun.Result dry = noKey.run(
                "extend",
                "--id",
                source,
                "--seconds",
                "8",
                "--prompt",
                "x",
                "--no-augment",
                "--dry-run",
                "--json-out",
                home.resolve("ext-dry").toString());
        assertThat(dry.code()).isZero();
        assertThat(Json.parse(dry.out()))
                .containsEntry("endpoint", "/v1/videos/extensions")
                .containsEntry("content_type", "application/json")
                .containsEntry("video", Map.of("id", source))
                .containsEntry("seconds", "8");
        assertThat(home.resolve("ext-dry.json")).isRegularFile();
        finish();
    }

    @Test
    void remix_warns_that_it_is_legacy() {
        CliRun.Result remix = sora.run("remix", "--id", source, "--prompt", "In watercolor");
        assertThat(remix.code()).as(remix.err()).isZero();
        assertThat(remix.err()).contains("legacy").contains("sora edit");
        assertThat(Json.parse(remix.out())).containsEntry("remixed_from_video_id", source);
        CliRun.Result dry = noKey.run("remix", "--id", source, "--prompt", "x", "--dry-run");
        assertThat(Json.parse(dry.out())).containsEntry("endpoint", "/v1/videos/" + source + "/remix");
        assertThat(sora.run("remix", "--id", "video_nope", "--prompt", "x").code())
                .isEqualTo(ExitCodes.API_ERROR);
        finish();
    }

    @Test
    void characters_are_created_fetched_and_used(@TempDir Path dir) throws Exception {
        CliRun.Result made = sora.run(
                "create-character", "--name", "Mossy", "--video-file", clip.toString(), "--json-out", dir + "/");
        assertThat(made.code()).as(made.err()).isZero();
        String id = idOf(made.out());
        assertThat(id).matches("char_[0-9a-f]{32}");
        assertThat(dir.resolve("create-character.json")).isRegularFile();

        CliRun.Result got = sora.run("get-character", "--id", id);
        assertThat(Json.parse(got.out())).containsEntry("name", "Mossy");
        CliRun.Result unknown = sora.run("get-character", "--id", "char_0");
        assertThat(unknown.code()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(unknown.err()).contains("HTTP 404");

        CliRun.Result used = sora.run("create", "--prompt", "Mossy waves", "--character-id", id);
        assertThat(used.code()).as(used.err()).isZero();
        CliRun.Result three = sora.run("create", "--prompt", "x", "--character-id", id + "," + id + "," + id);
        assertThat(three.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(three.err()).contains("at most 2 characters");

        Path text = Files.writeString(dir.resolve("fake.mp4"), "not a video");
        CliRun.Result fake = sora.run("create-character", "--name", "Mossy", "--video-file", text.toString());
        assertThat(fake.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(fake.err()).startsWith("Error: --video-file").contains("is not an MP4");
        CliRun.Result longName =
                sora.run("create-character", "--name", "x".repeat(81), "--video-file", clip.toString());
        assertThat(longName.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(longName.err()).contains("--name must have 1 to 80 characters");

        CliRun.Result dry =
                noKey.run("create-character", "--name", "Mossy", "--video-file", clip.toString(), "--dry-run");
        assertThat(Json.parse(dry.out()))
                .containsEntry("endpoint", "/v1/videos/characters")
                .containsEntry("content_type", "multipart/form-data")
                .containsEntry("name", "Mossy")
                .containsEntry("video", clip.toString());
        finish();
    }

    @Test
    void delete_dry_run_changes_nothing() {
        CliRun.Result dry = noKey.run("delete", "--id", source, "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(Json.parse(dry.out()))
                .containsEntry("method", "DELETE")
                .containsEntry("endpoint", "/v1/videos/" + source);
        assertThat(sora.run("status", "--id", source).code()).isZero();
    }
}
