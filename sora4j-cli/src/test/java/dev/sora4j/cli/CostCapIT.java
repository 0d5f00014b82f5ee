package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.config.RenderMode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every paid command shows its estimate in {@code --dry-run} and honours {@code --max-cost} (issue
 * 13): creates by their own model, size and seconds; edits and remixes by their source's length;
 * extensions by their new segment. A refusal sends nothing and records nothing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CostCapIT {
    private static final Pattern VIDEO_ID = Pattern.compile("\"id\" : \"(video_[^\"]+)\"");

    @TempDir
    static Path home;

    static ServedCli served;
    static CliRun sora;
    /** A completed 8 s sora-2 video (so $0.80 to edit or remix), made through the ledger. */
    static String source;

    @BeforeAll
    static void start() {
        served = ServedCli.start(home, c -> c.withRenderMode(RenderMode.FAST));
        sora = served.sora;
        CliRun.Result made = sora.run("create-and-poll", "--prompt", "A kite over a beach", "--seconds", "8");
        assertThat(made.code()).as(made.err()).isZero();
        Matcher m = VIDEO_ID.matcher(made.out());
        assertThat(m.find()).isTrue();
        source = m.group(1);
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void dry_runs_show_the_estimate_of_every_paid_command() {
        assertThat(sora.run("create", "--prompt", "A kite", "--seconds", "12", "--dry-run")
                        .out())
                .contains("\"estimated_cost_usd\" : 1.2");
        assertThat(sora.run("edit", "--id", source, "--prompt", "At night", "--dry-run")
                        .out())
                .contains("\"estimated_cost_usd\" : 0.8");
        assertThat(sora.run("remix", "--id", source, "--prompt", "In watercolour", "--dry-run")
                        .out())
                .contains("\"estimated_cost_usd\" : 0.8");
        assertThat(sora.run("extend", "--id", source, "--prompt", "It lands", "--seconds", "4", "--dry-run")
                        .out())
                .contains("\"estimated_cost_usd\" : 0.4");
    }

    @Test
    void a_cap_below_the_estimate_refuses_before_anything_is_sent() {
        long posts = served.posts();
        int jobs = served.ledgerJobs();
        assertCapped(sora.run("create", "--prompt", "A kite", "--seconds", "12", "--max-cost", "1"), "1.20");
        assertCapped(sora.run("edit", "--id", source, "--prompt", "At night", "--max-cost", "0.5"), "0.80");
        assertCapped(sora.run("remix", "--id", source, "--prompt", "In watercolour", "--max-cost", "0.5"), "0.80");
        assertCapped(
                sora.run("extend", "--id", source, "--prompt", "It lands", "--seconds", "8", "--max-cost", "0.5"),
                "0.80");
        assertCapped(sora.run("create-and-poll", "--prompt", "A kite", "--seconds", "8", "--max-cost", "0.5"), "0.80");
        CliRun.Result dry = sora.run("edit", "--id", source, "--prompt", "At night", "--max-cost", "0.5", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(dry.err()).contains("--max-cost 0.50 would be exceeded").contains("$0.80");
        assertThat(served.posts()).as("POSTs reaching the emulator").isEqualTo(posts);
        assertThat(served.ledgerJobs()).as("ledger entries").isEqualTo(jobs);
    }

    @Test
    void a_cap_above_the_estimate_lets_the_call_through() {
        long posts = served.posts();
        CliRun.Result r = sora.run("remix", "--id", source, "--prompt", "In watercolour", "--max-cost", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(served.posts()).isEqualTo(posts + 1);
    }

    private static void assertCapped(CliRun.Result r, String estimate) {
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("--max-cost").contains("would be exceeded").contains("$" + estimate);
        assertThat(r.err()).doesNotContain("Exception");
    }
}
