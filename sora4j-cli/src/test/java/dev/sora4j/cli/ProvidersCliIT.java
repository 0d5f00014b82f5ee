package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.Dialect;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.options.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --provider} on the command line: a job created under one provider is polled and downloaded
 * by a later run with no provider flags (the ledger remembers provider and base URL), and
 * unsupported commands or missing configuration are refused before anything is sent.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProvidersCliIT {
    @TempDir
    Path home;

    private static String idOf(String json) {
        return String.valueOf(Json.parse(json).get("id"));
    }

    @Test
    void a_job_created_with_provider_flags_is_polled_and_downloaded_later_without_them(@TempDir Path dir)
            throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-02T09:00:00Z"));
        try (Emulator emulator = Emulator.start(
                EmulatorConfig.defaults(home.resolve("emu"))
                        .withClock(clock)
                        .withDialect(Dialect.SGLANG)
                        .withRenderMode(RenderMode.FAST),
                0)) {
            Sleeper sleeper = d -> {
                clock.advance(d);
                emulator.awaitRenders(Duration.ofMinutes(1));
            };
            CliRun first = new CliRun(Map.of("SORA4J_HOME", home.toString()), clock, sleeper);
            CliRun.Result created = first.run(
                    "--provider",
                    "sglang",
                    "--base-url",
                    emulator.baseUrl(),
                    "create",
                    "--prompt",
                    "A kite over dunes",
                    "--seconds",
                    "2",
                    "--extra",
                    "seed=42");
            assertThat(created.code()).as(created.err()).isZero();
            String id = idOf(created.out());

            // A new process: no provider flag, and OPENAI_BASE_URL points somewhere else entirely.
            CliRun later = new CliRun(
                    Map.of("SORA4J_HOME", home.toString(), "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"), clock, sleeper);
            CliRun.Result polled = later.run(
                    "poll",
                    "--id",
                    "@last",
                    "--poll-interval",
                    "1",
                    "--download",
                    "--out",
                    dir.resolve("clip").toString());
            assertThat(polled.code()).as(polled.err()).isZero();
            assertThat(Json.parse(polled.out())).containsEntry("status", "completed");
            byte[] head = Files.readAllBytes(dir.resolve("clip.mp4"));
            assertThat(new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("ftyp");

            CliRun.Result status = later.run("status", "--id", id);
            assertThat(status.code()).as(status.err()).isZero();
            assertThat(Json.parse(status.out())).containsEntry("status", "completed");

            // No thumbnails on SGLang: refused before sending, nothing written.
            CliRun.Result thumb = later.run(
                    "download",
                    "--id",
                    id,
                    "--variant",
                    "thumbnail",
                    "--out",
                    dir.resolve("t").toString());
            assertThat(thumb.code()).isEqualTo(2);
            assertThat(thumb.err()).contains("sglang").contains("--variant video");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("clip.mp4");
            }
        }
    }

    @Test
    void unsupported_commands_and_missing_configuration_are_refused_before_sending() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-02T09:00:00Z"));
        // Port 9 (discard) on loopback: any request sent would fail with a connection error, not exit 2 or 4.
        String nowhere = "http://127.0.0.1:9/api/v1";
        CliRun run =
                new CliRun(Map.of("SORA4J_HOME", home.toString(), "OPENROUTER_API_KEY", "sk-or-test"), clock, d -> {});
        CliRun.Result list = run.run("--provider", "openrouter", "--base-url", nowhere, "list");
        assertThat(list.code()).as(list.err()).isEqualTo(2);
        assertThat(list.err()).contains("openrouter").contains("list");

        CliRun.Result extra = run.run(
                "--provider",
                "openai",
                "--base-url",
                "http://127.0.0.1:9/v1",
                "create",
                "--prompt",
                "x",
                "--extra",
                "seed=1");
        assertThat(extra.code()).isIn(2, 4);

        CliRun.Result noUrl = run.run("--provider", "vllm-omni", "create", "--prompt", "x");
        assertThat(noUrl.code()).as(noUrl.err()).isEqualTo(4);
        assertThat(noUrl.err()).contains("--base-url").contains("provider.vllm-omni.base-url");

        CliRun.Result noKey = new CliRun(Map.of("SORA4J_HOME", home.toString()), clock, d -> {})
                .run(
                        "--provider",
                        "azure",
                        "--base-url",
                        "http://127.0.0.1:9/openai/v1",
                        "create",
                        "--prompt",
                        "x",
                        "--model",
                        "my-deployment");
        assertThat(noKey.code()).as(noKey.err()).isEqualTo(4);
        assertThat(noKey.err()).contains("AZURE_OPENAI_API_KEY");
    }
}
