package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Docs that cannot rot (issue 15): every flag in a documented {@code sora} command exists, and
 * references/cli.md documents every command and flag that {@code --help} lists, and no other.
 */
class DocsFlagsTest {
    private final DocsFlags flags = new DocsFlags();

    @Test
    void every_flag_in_a_documented_command_exists_in_that_commands_help() {
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (Path doc : DocsMarkdown.documents()) {
            for (DocsMarkdown.Block block : DocsMarkdown.blocks(doc)) {
                for (DocsMarkdown.Step step : DocsMarkdown.steps(block)) {
                    List<String> words = step.isHeredoc() ? null : DocsMarkdown.words(step.text());
                    int at = DocsMarkdown.soraIndex(words);
                    if (at >= 0) {
                        commands++;
                        problems.addAll(flags.commandProblems(step.where(), words.subList(at + 1, words.size())));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(commands).as("documented sora commands").isGreaterThan(60);
    }

    @Test
    void cli_md_documents_every_command_and_flag_and_nothing_else() {
        assertThat(flags.cliMdProblems(DocsMarkdown.read(DocsMarkdown.CLI_MD))).isEmpty();
    }

    @Test
    void a_renamed_flag_is_reported_both_ways() {
        String cliMd = DocsMarkdown.read(DocsMarkdown.CLI_MD);
        assertThat(cliMd).contains("--poll-interval");
        String renamed = cliMd.replace("--poll-interval", "--poll-every");

        assertThat(flags.cliMdProblems(renamed))
                .anySatisfy(p -> assertThat(p).contains("`sora poll`", "mentions --poll-every"))
                .anySatisfy(p -> assertThat(p).contains("`sora poll`", "does not document --poll-interval"));

        List<DocsMarkdown.Block> blocks = DocsMarkdown.blocks(
                Path.of("renamed.md"), "```bash\nsora --offline poll --id @last --poll-every 2\n```\n");
        List<String> words =
                DocsMarkdown.words(DocsMarkdown.steps(blocks.get(0)).get(0).text());
        assertThat(flags.commandProblems("renamed.md:2", words.subList(1, words.size())))
                .containsExactly("renamed.md:2: `sora poll` has no option --poll-every");
    }

    @Test
    void a_missing_command_section_and_a_section_for_no_command_are_reported() {
        String cliMd = DocsMarkdown.read(DocsMarkdown.CLI_MD);
        String withoutDelete = cliMd.replace("### `sora delete`", "### `sora remove`");
        assertThat(flags.cliMdProblems(withoutDelete))
                .contains(
                        "cli.md has no section `sora delete`",
                        "cli.md has a section for `sora remove`, which is not a command");
    }

    @Test
    void global_options_are_resolved_before_the_command_name() {
        DocsFlags.Resolved r =
                flags.resolve(List.of("--offline", "--profile", "open", "batch", "status", "@last", "--wait"));
        assertThat(r.path()).isEqualTo("batch status");
        assertThat(flags.commandProblems("x", List.of("--profile", "open", "create", "--no-augment", "--prompt=x")))
                .isEmpty();
    }
}
