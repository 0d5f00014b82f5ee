package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.config.FaultRule;
import dev.sora4j.emulator.config.RenderMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sora create} against a gateway that carries the create out but loses its answer (502): one
 * POST, the job found on the server and printed, a warning that says so, exit 0. When even the
 * search fails, exit 3 with one line that says the job may exist and was not sent again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LostAnswerCliIT {
    @TempDir
    Path home;

    @Test
    void a_lost_answer_is_found_on_the_server_and_adopted_with_a_warning() {
        try (ServedCli served = ServedCli.start(
                home,
                c -> c.withRenderMode(RenderMode.FAST)
                        .withFaults(List.of(FaultRule.parse("POST /v1/videos every=1 status=502 lose-answer=1"))))) {
            CliRun.Result r = served.sora.run("create", "--prompt", "A kite over the dunes");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Json.parse(r.out()).get("id").toString()).startsWith("video_");
            assertThat(r.err()).contains("answer to the create was lost").contains("adopted");
            assertThat(served.posts()).isEqualTo(1);
            assertThat(served.ledgerJobs()).isEqualTo(1);
        }
    }

    @Test
    void when_the_search_fails_too_one_error_line_says_the_job_may_exist() {
        try (ServedCli served = ServedCli.start(
                home,
                c -> c.withRenderMode(RenderMode.FAST)
                        .withFaults(List.of(
                                FaultRule.parse("POST /v1/videos every=1 status=502 lose-answer=1"),
                                FaultRule.parse("GET /v1/videos every=1 status=500"))))) {
            CliRun.Result r = served.sora.run("create", "--prompt", "A kite over the dunes");
            assertThat(r.code()).isEqualTo(ExitCodes.API_ERROR);
            assertThat(r.err().lines().filter(l -> l.startsWith("Error:"))).hasSize(1);
            assertThat(r.err()).contains("HTTP 502").contains("may have made the job anyway");
            assertThat(served.posts()).isEqualTo(1);
        }
    }
}
