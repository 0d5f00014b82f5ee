package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.SoraClient;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.internal.files.PartFiles;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.options.PollListener;
import dev.sora4j.options.PollOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** End to end: {@code bin/sora} as a separate process, the way a user runs it. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherIT {
    @TempDir
    Path dir;

    @AfterEach
    void stopBackgroundEmulator() {
        new SoraProcesses(dir).stopBackgroundEmulator();
    }

    private ProcessBuilder sora(Map<String, String> env, String... args) {
        return new SoraProcesses(dir).sora(env, args);
    }

    private record Run(int code, String out, String err) {}

    private Run run(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = sora(env, args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES))
                .as("sora " + String.join(" ", args) + " finished")
                .isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void the_readme_command_leaves_a_playable_h264_aac_clip() throws Exception {
        // The suite's one end-to-end run on the real per-job FFmpeg renderer.
        Run r = run(
                Map.of(CliContext.RENDER_KNOB, "ffmpeg"),
                "--offline",
                "create-and-poll",
                "--prompt",
                "A paper boat drifting on a pond at dawn",
                "--download",
                "--out",
                "demo.mp4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("local sora4j emulator");
        try (FFmpegFrameGrabber g =
                new FFmpegFrameGrabber(dir.resolve("demo.mp4").toFile())) {
            g.start();
            assertThat(g.getVideoCodecName()).isEqualTo("h264");
            assertThat(g.getAudioCodecName()).isEqualTo("aac");
            assertThat(g.getImageWidth()).isEqualTo(1280);
            assertThat(g.getImageHeight()).isEqualTo(720);
            assertThat(g.getLengthInTime() / 1_000_000.0).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.042));
            g.stop();
        }
    }

    @Test
    void separate_offline_processes_share_one_state_dir() throws Exception {
        Run created = run(Map.of(), "--offline", "create", "--prompt", "Shared state");
        assertThat(created.code()).as(created.err()).isZero();
        String id = String.valueOf(Json.parse(created.out()).get("id"));
        assertThat(run(Map.of(), "--offline", "poll", "--id", id).code()).isZero();
        assertThat(run(Map.of(), "--offline", "download", "--id", id, "--variant", "thumbnail", "--out", "t")
                        .code())
                .isZero();
        assertThat(new String(Files.readAllBytes(dir.resolve("t.webp")), 8, 4, StandardCharsets.US_ASCII))
                .isEqualTo("WEBP");
        assertThat(run(Map.of(), "--offline", "list").out()).contains(id);
        assertThat(run(Map.of(), "--offline", "delete", "--id", id).code()).isZero();
        Run gone = run(Map.of(), "--offline", "status", "--id", id);
        assertThat(gone.code()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(gone.err()).contains("404");
    }

    @Test
    void a_200_mb_content_body_streams_through_an_emulator_with_a_64_mb_heap() throws Exception {
        Run created = run(Map.of(), "--offline", "create", "--prompt", "A very long take");
        String id = String.valueOf(Json.parse(created.out()).get("id"));
        assertThat(run(Map.of(), "--offline", "poll", "--id", id).code()).isZero();
        // Swap the rendered clip for a 200 MB one (an ftyp box, then a sparse tail).
        long size = 200L << 20;
        Path media = dir.resolve("home/emulator/media/" + id + "/video.mp4");
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(media.toFile(), "rw")) {
            big.setLength(0);
            big.write(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
            big.setLength(size);
        }
        Path serverErr = dir.resolve("server-err.txt");
        try (SoraProcesses.Served served = new SoraProcesses(dir)
                .emulator(
                        Map.of("SORA_JAVA_OPTS", "-Xmx64m"),
                        ProcessBuilder.Redirect.to(serverErr.toFile()),
                        "--state-dir",
                        dir.resolve("home/emulator").toString())) {
            String url = served.url();
            java.net.http.HttpResponse<java.io.InputStream> response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create(url + "/videos/" + id + "/content"))
                                    .header("Authorization", "Bearer x")
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValueAsLong("content-length")).hasValue(size);
            long total = 0;
            byte[] buf = new byte[1 << 16];
            try (java.io.InputStream in = response.body()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                }
            }
            assertThat(total).isEqualTo(size);
            assertThat(served.process().isAlive()).isTrue();
        }
        assertThat(Files.readString(serverErr)).doesNotContain("OutOfMemoryError");
    }

    @Test
    void the_readme_ci_emulator_command_serves_its_control_routes() throws Exception {
        try (SoraProcesses.Served served = new SoraProcesses(dir)
                .emulator(
                        Map.of(),
                        "--port",
                        "0",
                        "--control",
                        "--rpm",
                        "*=600",
                        "--error-rate",
                        "0.05",
                        "--seed",
                        "1",
                        "--state-dir",
                        dir.resolve("ci").toString())) {
            String root = served.url().replace("/v1", "");
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            // As the README's curl sends it: JSON with the control token.
            java.net.http.HttpResponse<String> speed = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "/_emulator/clock/speed"))
                            .header("Authorization", "Bearer " + SoraProcesses.CONTROL_TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"speed\": 20}"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(speed.statusCode()).as(speed.body()).isEqualTo(200);
            assertThat(Json.parse(speed.body())).containsEntry("speed", 20.0);
            java.net.http.HttpResponse<String> stats = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "/_emulator/stats"))
                            .header("Authorization", "Bearer " + SoraProcesses.CONTROL_TOKEN)
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(Json.parse(stats.body())).containsEntry("jobs_created", 0);
        }
    }

    @Test
    void sora_emulator_in_one_process_serves_another() throws Exception {
        try (SoraProcesses.Served served = new SoraProcesses(dir)
                .emulator(Map.of(), "--state-dir", dir.resolve("served").toString())) {
            String url = served.url();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/v1");
            Map<String, String> env = Map.of("OPENAI_BASE_URL", url, "OPENAI_API_KEY", "x");
            Run created = run(env, "create", "--prompt", "Served elsewhere");
            assertThat(created.code()).as(created.err()).isZero();
            String id = String.valueOf(Json.parse(created.out()).get("id"));
            Run status = run(env, "status", "--id", id);
            assertThat(status.code()).as(status.err()).isZero();
            assertThat(Json.parse(status.out())).containsEntry("id", id);
        }
    }

    @Test
    void sigkill_during_a_download_leaves_nothing_at_the_out_path() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-03T00:00:00Z"));
        // 64 KB/s makes the ~400 KB download last several seconds: long enough to kill it midway.
        try (Emulator emulator = Emulator.start(
                        EmulatorConfig.defaults(dir.resolve("slow"))
                                .withRenderMode(RenderMode.FAST)
                                .withClock(clock)
                                .withContentBytesPerSecond(64 * 1024),
                        0);
                SoraClient client = SoraClient.builder()
                        .baseUrl(emulator.baseUrl())
                        .apiKey("k")
                        .clock(clock)
                        .sleeper(d -> {
                            clock.advance(d);
                            emulator.awaitRenders(Duration.ofMinutes(2));
                        })
                        .build()) {
            VideoJob job = client.create(
                    VideoRequest.builder().prompt("Interrupted download").build());
            client.waitFor(job.id(), new PollOptions(Duration.ofSeconds(5), null), PollListener.NONE);

            Process p = sora(
                            Map.of("OPENAI_API_KEY", "k"),
                            "--base-url",
                            emulator.baseUrl(),
                            "download",
                            "--id",
                            job.id(),
                            "--out",
                            "clip.mp4")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partFiles().isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
                // Another process's progress, not a clock: a short nap instead of spinning a core.
                Thread.sleep(10);
            }
            assertThat(p.isAlive()).as("download still running when killed").isTrue();
            assertThat(partFiles()).isNotEmpty();
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(dir.resolve("clip.mp4")).doesNotExist();
        }
    }

    private List<Path> partFiles() throws IOException {
        Path parts = dir.resolve(PartFiles.DIR_NAME);
        if (!Files.isDirectory(parts)) {
            return List.of();
        }
        try (var files = Files.list(parts)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part"))
                    .toList();
        }
    }
}
