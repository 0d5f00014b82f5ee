package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.FaultRule;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.internal.files.Mp4Check;
import dev.sora4j.ledger.SqliteLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code sora resume} keeps only runs that sent something, and a run can be listed and dropped. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ResumeRunsIT {
    @TempDir
    Path home;

    private CliRun sora(Emulator emulator, ManualClock clock) {
        return new CliRun(
                Map.of(
                        "SORA4J_HOME",
                        home.toString(),
                        "OPENAI_API_KEY",
                        "sk-resume-test",
                        "OPENAI_BASE_URL",
                        emulator.baseUrl()),
                clock,
                d -> {
                    clock.advance(d);
                    emulator.awaitRenders(Duration.ofMinutes(2));
                });
    }

    @Test
    void resume_finishes_a_single_download_that_was_cut_off(@TempDir Path work) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-04T09:00:00Z"));
        try (Emulator emulator = Emulator.start(
                EmulatorConfig.defaults(home.resolve("emu"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock),
                0)) {
            CliRun sora = sora(emulator, clock);
            CliRun.Result made = sora.run("create-and-poll", "--prompt", "A cut-off download");
            assertThat(made.code()).as(made.err()).isZero();
            String id = Json.parse(made.out().substring(made.out().lastIndexOf("\n{") + 1))
                    .get("id")
                    .toString();
            Path target = work.resolve("clip.mp4");
            // What a download killed half-way leaves in the ledger: started, never ended.
            try (SqliteLedger ledger = SqliteLedger.open(home.resolve("ledger.db"), clock)) {
                ledger.downloadStarted(id, "video", target);
            }
            CliRun.Result resumed = sora.run("resume");
            assertThat(resumed.code()).as(resumed.err()).isZero();
            assertThat(resumed.err()).contains("Resuming the download of " + id);
            assertThat(Mp4Check.problem(target)).isEmpty();
            try (SqliteLedger ledger = SqliteLedger.open(home.resolve("ledger.db"), clock)) {
                assertThat(ledger.pendingDownloads()).isEmpty();
                assertThat(ledger.find(id).orElseThrow().downloadPath()).isEqualTo(target.toString());
            }
        }
    }

    @Test
    void runs_that_sent_nothing_are_not_replayed_and_a_run_can_be_dropped(@TempDir Path work) throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-04T09:00:00Z"));
        try (Emulator emulator = Emulator.start(
                EmulatorConfig.defaults(home.resolve("emu"))
                        .withRenderMode(RenderMode.FAST)
                        .withClock(clock)
                        .withFaults(List.of(FaultRule.parse("POST /v1/videos every=2 status=400"))),
                0)) {
            CliRun sora = sora(emulator, clock);
            Path jobs = Files.write(work.resolve("jobs.jsonl"), List.of("A fine prompt", "Another fine prompt"));

            // Refused by --max-cost: nothing sent, so nothing to resume.
            CliRun.Result refused = sora.run(
                    "create-batch",
                    "--input",
                    jobs.toString(),
                    "--out-dir",
                    work.resolve("a").toString(),
                    "--max-cost",
                    "0.01");
            assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            // --out-dir is a file: nothing sent either.
            Path file = Files.writeString(work.resolve("file"), "x");
            CliRun.Result notADir = sora.run("create-batch", "--input", jobs.toString(), "--out-dir", file.toString());
            assertThat(notADir.code()).isNotZero();
            CliRun.Result none = sora.run("resume", "--list");
            assertThat(none.out()).isBlank();
            assertThat(none.err()).contains("Nothing to resume");

            // A run whose second create the server refuses sent something: it stays, until dropped.
            CliRun.Result partly = sora.run(
                    "create-batch",
                    "--input",
                    jobs.toString(),
                    "--out-dir",
                    work.resolve("b").toString(),
                    "--concurrency",
                    "1");
            assertThat(partly.code()).as(partly.err()).isEqualTo(ExitCodes.FAILURE);
            CliRun.Result listed = sora.run("resume", "--list");
            assertThat(listed.out().lines()).singleElement().asString().contains("create-batch", "--out-dir");
            String run = listed.out().strip().split("\\s+")[0];
            CliRun.Result wrong = sora.run("resume", "--drop", "zzzz");
            assertThat(wrong.code()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(wrong.err()).contains("--drop zzzz: no unfinished run(s) match");
            CliRun.Result dropped = sora.run("resume", "--drop", run.substring(0, 4));
            assertThat(dropped.code()).as(dropped.err()).isZero();
            assertThat(dropped.err()).contains("Dropped run " + run);
            assertThat(sora.run("resume", "--list").out()).isBlank();
            CliRun.Result nothing = sora.run("resume");
            assertThat(nothing.code()).isZero();
            assertThat(nothing.err()).contains("Nothing to resume").doesNotContain("Resuming:");
        }
    }
}
