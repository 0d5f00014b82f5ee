package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.sora4j.options.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background emulator of {@code --offline}, through {@code bin/sora} as separate processes: it
 * outlives the command that started it, is shared, stops on request and when idle.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OfflineDaemonIT {
    private static final Pattern STARTED = Pattern.compile("Started the background emulator \\(pid (\\d+)\\)");

    @TempDir
    Path dir;

    private SoraProcesses sora;

    private record Run(int code, String out, String err) {}

    @AfterEach
    void stopBackgroundEmulator() {
        processes().stopBackgroundEmulator();
    }

    private SoraProcesses processes() {
        if (sora == null) {
            sora = new SoraProcesses(dir);
        }
        return sora;
    }

    /** A started {@code bin/sora}; {@link #finish()} waits for it and reads what it printed. */
    private record Started(Process process, Path out, Path err) {
        Run finish() throws Exception {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("sora finished").isTrue();
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    private Started start(Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = processes()
                .sora(env, args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new Started(p, out, err);
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        return start(env, args).finish();
    }

    /**
     * The pid of the running background emulator, from {@code sora emulator status} (run in this
     * process: it only reads the port file and asks the emulator); empty when none runs.
     */
    private Optional<Long> daemonPid() {
        CliRun.Result status = new CliRun(
                        Map.of("SORA4J_HOME", processes().home().toString()), Clock.systemUTC(), Sleeper.system())
                .run("emulator", "status");
        assertThat(status.code()).as(status.err()).isZero();
        Map<String, Object> json = Json.parse(status.out());
        assertThat(json)
                .containsEntry(
                        "state_dir", processes().home().resolve("emulator").toString());
        return Boolean.TRUE.equals(json.get("running"))
                ? Optional.of(((Number) json.get("pid")).longValue())
                : Optional.empty();
    }

    @Test
    void an_offline_batch_killed_mid_run_resumes_to_completion_on_the_same_emulator() throws Exception {
        int jobs = 6;
        processes().writeJobs(jobs, "Daemon resume clip ", ", a kite over the dunes");
        List<String> log = new ArrayList<>();
        String[] batch = {
            "--offline",
            "create-batch",
            "--input",
            "jobs.jsonl",
            "--out-dir",
            "out",
            "--wait",
            "--download",
            "--poll-interval",
            "0.25"
        };
        // SIGKILL once the third job has been created: the rest are unsent, the created ones still render.
        AtomicInteger created = new AtomicInteger();
        int code = processes()
                .run(Map.of(), line -> line.contains(" created video_") && created.incrementAndGet() >= 3, log, batch);
        assertThat(code).as(String.join("\n", log)).isEqualTo(-9);
        long pid = daemonPid().orElseThrow(() -> new AssertionError("no background emulator after the kill"));

        Run resumed = run(Map.of(), "--offline", "resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(SoraProcesses.verifiedDownloads(processes().home().resolve("ledger.db")))
                .isEqualTo(jobs);
        assertThat(SoraProcesses.count(dir.resolve("out"), ".mp4")).isEqualTo(jobs);
        // The emulator that served the killed run served the resumed one: renders went on meanwhile.
        assertThat(daemonPid()).contains(pid);
    }

    @Test
    void two_commands_started_at_once_share_one_emulator() throws Exception {
        Started a = start(Map.of(), "--offline", "create", "--prompt", "First of two at once");
        Started b = start(Map.of(), "--offline", "create", "--prompt", "Second of two at once");
        Run first = a.finish();
        Run second = b.finish();
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.code()).as(second.err()).isZero();
        long pid = daemonPid().orElseThrow(() -> new AssertionError("no background emulator"));
        // One emulator started: one serving line in the shared log, and both jobs in its listing.
        String daemonLog = Files.readString(processes().home().resolve("emulator/daemon.log"));
        assertThat(daemonLog.lines().filter(l -> l.contains(" serving ")).count())
                .as(daemonLog)
                .isEqualTo(1);
        assertThat(daemonLog).contains("pid " + pid + " serving");
        Run list = run(Map.of(), "--offline", "list");
        assertThat(list.out()).contains("First of two at once").contains("Second of two at once");
        assertThat(daemonPid()).contains(pid);
    }

    @Test
    void offline_create_returns_before_the_render_and_sora_emulator_stop_stops_it() throws Exception {
        Run created = run(Map.of(), "--offline", "create", "--prompt", "A clock tower at noon");
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.err()).contains("Started the background emulator").doesNotContain("Finishing");
        assertThat(Json.parse(created.out()).get("status")).isEqualTo("queued");
        long pid = daemonPid().orElseThrow(() -> new AssertionError("no background emulator"));
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();

        Run stop = run(Map.of(), "emulator", "stop");
        assertThat(stop.code()).as(stop.err()).isZero();
        assertThat(stop.err()).contains("Stopped the background emulator (pid " + pid + ")");
        assertThat(daemon.isAlive()).isFalse();
        assertThat(processes().home().resolve("emulator/daemon.port")).doesNotExist();
        assertThat(daemonPid()).isEmpty();
        Run again = run(Map.of(), "emulator", "stop");
        assertThat(again.err()).contains("No background emulator runs");
    }

    @Test
    void an_idle_emulator_finishes_its_renders_then_stops_by_itself() throws Exception {
        Map<String, String> shortIdle = Map.of("SORA4J_EMULATOR_IDLE", "2s");
        Run created = run(shortIdle, "--offline", "create", "--prompt", "A lantern left on a pier");
        assertThat(created.code()).as(created.err()).isZero();
        String id = String.valueOf(Json.parse(created.out()).get("id"));
        Matcher started = STARTED.matcher(created.err());
        assertThat(started.find()).as(created.err()).isTrue();
        Path port = processes().home().resolve("emulator/daemon.port");
        // It may be gone already (a busy machine): then onExit completes at once.
        Optional<ProcessHandle> daemon = ProcessHandle.of(Long.parseLong(started.group(1)));
        if (daemon.isPresent()) {
            assertThat(daemon.get().onExit().get(2, TimeUnit.MINUTES).isAlive()).isFalse();
        }
        assertThat(port).doesNotExist();
        // It stopped only once its render was done: the clip is there for the next emulator to serve.
        assertThat(processes().home().resolve("emulator/media/" + id + "/video.mp4"))
                .exists();
        assertThat(Files.readString(processes().home().resolve("emulator/daemon.log")))
                .contains("stopped after 2 s without requests");
    }

    @Test
    void a_started_emulator_has_not_loaded_ffmpeg_before_its_first_render() throws Exception {
        Run listed = run(Map.of(), "--offline", "list");
        assertThat(listed.code()).as(listed.err()).isZero();
        long pid = daemonPid().orElseThrow(() -> new AssertionError("no background emulator"));
        Path maps = Path.of("/proc/" + pid + "/maps");
        // FFmpeg's natives are loaded by the first render, not at start (Linux shows them in /proc/PID/maps).
        assumeThat(Files.isReadable(maps)).as("/proc/PID/maps (Linux)").isTrue();
        assertThat(Files.readString(maps)).doesNotContain("avcodec").doesNotContain("javacpp");
    }
}
