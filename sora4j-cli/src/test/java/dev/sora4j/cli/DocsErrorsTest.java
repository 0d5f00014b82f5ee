package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Docs that cannot rot (issue 15): every error and warning the bad-input table ({@link BadInputIT})
 * makes the CLI print, and the messages listed below that the table does not reach, appear in
 * references/troubleshooting.md.
 *
 * <p>A table fragment is matched in its general form: words holding values (fixture placeholders
 * such as {@code {dir}}, quoted values, numbers, paths, {@code @N}) are wildcards, and the runs of
 * plain words between them must appear in order on one line of the document, so {@code --id 'video_1/x' contains a path separator} is covered by
 * the documented {@code --id 'X' contains a path separator}.
 */
class DocsErrorsTest {
    /** Messages of commands outside the bad-input table (skill install, launcher, hidden options). */
    static final List<String> MORE_MESSAGES = List.of(
            "OPENAI_API_KEY is not set",
            "exists and was not installed by sora4j",
            "is inside the skill itself",
            "cannot find skill/sora next to this sora command",
            "Java 17 or newer is required",
            "cannot find the sora4j CLI for the skill",
            "--before is not supported by the Videos API",
            "Missing required argument (specify one of these)",
            "has no bin/sora",
            "removed on 2026-09-24");

    /** A word that holds a value (a number, quote, placeholder, path, ledger ref, file or code point), not message text. */
    private static final Pattern VALUE = Pattern.compile("[0-9'{}/@*]|\\.jsonl?|U\\+|\\(|\\)");

    @Test
    void every_message_of_the_bad_input_table_is_in_troubleshooting_md() {
        String doc = DocsMarkdown.read(DocsMarkdown.TROUBLESHOOTING_MD);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String fragment : fragments()) {
            checked++;
            if (!documented(doc, fragment)) {
                missing.add(fragment);
            }
        }
        assertThat(missing).as("messages missing from troubleshooting.md").isEmpty();
        assertThat(checked).isGreaterThan(60);
    }

    @Test
    void messages_outside_the_table_are_in_troubleshooting_md() {
        String doc = DocsMarkdown.read(DocsMarkdown.TROUBLESHOOTING_MD);
        assertThat(MORE_MESSAGES).allSatisfy(m -> assertThat(doc).contains(m));
    }

    @Test
    void an_undocumented_message_is_reported() {
        String doc = DocsMarkdown.read(DocsMarkdown.TROUBLESHOOTING_MD);
        assertThat(documented(doc, "--id {long} contains a path separator")).isTrue();
        assertThat(documented(doc, "--id 'x' contains a path separator")).isTrue();
        assertThat(documented(doc, "--id 'x' is a teapot")).isFalse();
        assertThat(documented(doc.replace("contains a path separator", "has a slash"), "contains a path separator"))
                .isFalse();
    }

    /** The positive fragments of the table's rows that fail (exit != 0) or warn. */
    static List<String> fragments() {
        List<String> out = new ArrayList<>();
        for (String line : BadInputIT.ROWS.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(" \\| ", 3);
            int exit = Integer.parseInt(cols[0].strip());
            for (String f : cols[1].replaceAll(" \\|$", "").split(" && ")) {
                String fragment = f.strip();
                if (fragment.startsWith("!") || (exit == 0 && !fragment.startsWith("Warning:"))) {
                    continue;
                }
                out.add(fragment.replace("\\\\", "\\"));
            }
        }
        return out;
    }

    /**
     * Whether {@code doc} has the fragment, its placeholders and quoted values read as wildcards
     * (each literal piece of at least two characters must appear, in order, on one line).
     */
    static boolean documented(String doc, String fragment) {
        List<String> pieces = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (String word : fragment.split("\\s+")) {
            if (VALUE.matcher(word).find()) {
                if (run.length() > 0) {
                    pieces.add(run.toString());
                    run.setLength(0);
                }
            } else {
                run.append(run.length() > 0 ? " " : "").append(word);
            }
        }
        if (run.length() > 0) {
            pieces.add(run.toString());
        }
        pieces.removeIf(p -> p.length() < 2);
        if (pieces.isEmpty()) {
            return true;
        }
        for (String docLine : doc.split("\n")) {
            int at = 0;
            boolean all = true;
            for (String piece : pieces) {
                int found = docLine.indexOf(piece, at);
                if (found < 0) {
                    all = false;
                    break;
                }
                at = found + piece.length();
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
