package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CLI-level sample of the guardrail table (core's GuardrailsTableTest holds the whole table):
 * every refusal exits 2 naming its category, and neither reaches the emulator (its request stats
 * show no POST) nor leaves a job in the ledger; harmless look-alikes are created.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GuardrailsCliIT {
    @TempDir
    static Path home;

    static ServedCli served;
    static Emulator emulator;
    static CliRun sora;

    @BeforeAll
    static void start() {
        served = ServedCli.start(home, c -> c);
        emulator = served.emulator;
        sora = served.sora;
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    static long posts() {
        return served.posts();
    }

    static int ledgerJobs() {
        return served.ledgerJobs();
    }

    static void assertRefused(CliRun.Result r, String label) {
        long postsBefore = posts();
        int jobsBefore = ledgerJobs();
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err())
                .contains("content guardrails refused")
                .contains(label)
                .doesNotContain("Exception");
        assertThat(posts()).as("requests reaching the emulator").isEqualTo(postsBefore);
        assertThat(ledgerJobs()).as("ledger entries").isEqualTo(jobsBefore);
    }

    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Barack Obama giving a speech in a park          | real person or public figure
            Kylian Mbappé scoring a goal at dusk            | real person or public figure
            Spider-Man swinging between skyscrapers         | copyrighted character or franchise
            Pikachu napping on a sofa                       | copyrighted character or franchise
            a busker playing Wonderwall on a bridge         | copyrighted music
            a rock concert in the style of Queen            | copyrighted music
            a gory battlefield full of severed heads        | content not suitable for under-18 audiences
            a man snorting cocaine in a club                | content not suitable for under-18 audiences
            """)
    void create_refuses_each_category_before_the_ledger_and_the_server(String prompt, String label) {
        long posts = posts();
        int jobs = ledgerJobs();
        CliRun.Result r = sora.run("create", "--prompt", prompt);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err())
                .contains("content guardrails refused")
                .contains(label)
                .doesNotContain("Exception");
        assertThat(posts()).isEqualTo(posts);
        assertThat(ledgerJobs()).isEqualTo(jobs);
    }

    @Test
    void every_paid_command_and_its_dry_run_refuse_and_send_nothing() {
        long posts = posts();
        int jobs = ledgerJobs();
        assertRefused(sora.run("edit", "--id", "video_1", "--prompt", "make Batman walk in"), "franchise");
        assertRefused(sora.run("remix", "--id", "video_1", "--prompt", "add Darth Vader"), "franchise");
        assertRefused(sora.run("extend", "--id", "video_1", "--prompt", "Elon Musk waves"), "public figure");
        assertRefused(
                sora.run("create-and-poll", "--prompt", "a calm lake", "--dialogue", "sing Bohemian Rhapsody"),
                "copyrighted music");
        CliRun.Result dry = sora.run("create", "--prompt", "Homer Simpson at a nuclear plant", "--dry-run");
        assertRefused(dry, "franchise");
        assertThat(dry.out()).contains("\"guardrails\"").contains("Homer Simpson");
        CliRun.Result ok = sora.run("create", "--prompt", "a mouse in a kitchen", "--dry-run");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("\"guardrails\" : \"allowed\"");
        assertThat(posts()).isEqualTo(posts);
        assertThat(ledgerJobs()).isEqualTo(jobs);
    }

    @Test
    void a_batch_is_refused_whole_when_one_line_is(@TempDir Path work) throws IOException {
        Path jobsFile = work.resolve("jobs.jsonl");
        Files.writeString(jobsFile, """
                {"prompt": "a paper boat on a pond"}
                {"prompt": "a swift flying over a lake"}
                {"prompt": "Darth Vader walking through a supermarket"}
                {"prompt": "a calm sea", "dialogue": "a nude woman on a beach"}
                """, StandardCharsets.UTF_8);
        long posts = posts();
        int jobs = ledgerJobs();
        CliRun.Result r = sora.run(
                "create-batch",
                "--input",
                jobsFile.toString(),
                "--out-dir",
                work.resolve("out").toString());
        assertRefused(r, "line 3: prompt");
        assertThat(r.err()).contains("line 4: prompt").contains("content not suitable");
        CliRun.Result dry = sora.run(
                "create-batch",
                "--input",
                jobsFile.toString(),
                "--out-dir",
                work.resolve("out").toString(),
                "--dry-run");
        assertRefused(dry, "line 3: prompt");
        CliRun.Result plan = sora.run("batch", "plan", "--input", jobsFile.toString());
        assertRefused(plan, "line 3: prompt");
        assertThat(posts()).isEqualTo(posts);
        assertThat(ledgerJobs()).isEqualTo(jobs);
    }

    @Test
    void user_rules_and_the_allow_list_extend_the_shipped_ones() throws IOException {
        Path dir = home.resolve("guardrails");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("franchises.txt"), "# category: franchises\nCaptain Plankton\n");
        Files.writeString(dir.resolve("allow.txt"), "# category: allow\nbatman bay\n");
        assertRefused(sora.run("create", "--prompt", "Captain Plankton sails", "--dry-run"), "Captain Plankton");
        CliRun.Result allowed = sora.run("create", "--prompt", "a sunset over Batman Bay", "--dry-run");
        assertThat(allowed.code()).as(allowed.err()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a jordan river sunrise", "a mouse in a kitchen", "a swift flying over a lake", "paris at night"
            })
    void harmless_look_alikes_are_created(String prompt) {
        long posts = posts();
        CliRun.Result r = sora.run("create", "--prompt", prompt);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(posts()).isEqualTo(posts + 1);
    }
}
