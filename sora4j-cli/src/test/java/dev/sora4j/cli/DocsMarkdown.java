package dev.sora4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the documentation the docs tests keep true: README.md and every Markdown file under
 * skill/, their shell code blocks ({@code bash}, {@code sh}, {@code shell}, {@code console}; a
 * block without a language is a synopsis or a listing, not commands), and the {@code sora ...}
 * commands in them.
 *
 * <p>A block may be preceded by an HTML comment: {@code <!-- docs-test: skip (reason) -->} (its
 * commands are not run, and counted), or {@code <!-- docs-test: exit N -->} (its commands must end
 * with exit code N). A command line ending in a comment {@code # exit N} expects N.
 */
final class DocsMarkdown {
    static final Path ROOT = Path.of(System.getProperty("basedir", "."))
            .resolve("..")
            .toAbsolutePath()
            .normalize();
    static final Path SKILL = ROOT.resolve("skill/sora");
    static final Path CLI_MD = SKILL.resolve("references/cli.md");
    static final Path TROUBLESHOOTING_MD = SKILL.resolve("references/troubleshooting.md");

    private static final Pattern FENCE = Pattern.compile("^```\\s*([\\w-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("<!--\\s*docs-test:\\s*(skip|exit)\\s*([^>]*?)\\s*-->");
    private static final Pattern EXIT_COMMENT = Pattern.compile("#.*\\bexit (\\d+)\\b");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*'?\"?(\\w+)'?\"?");
    private static final Set<String> SHELL_LANGS = Set.of("bash", "sh", "shell", "console");

    /** A fenced code block: its file, first line, language, marker (or null) and lines. */
    record Block(Path file, int line, String lang, String marker, List<String> lines) {
        boolean skipped() {
            return marker != null && marker.startsWith("skip");
        }

        Integer expectedExit() {
            return marker != null && marker.startsWith("exit ")
                    ? Integer.valueOf(marker.substring(5).strip())
                    : null;
        }
    }

    /** One logical command line of a block (continuations joined), or a file written by a heredoc. */
    record Step(Block block, int line, String text, Integer exit, String heredocFile, String heredocText) {
        boolean isHeredoc() {
            return heredocFile != null;
        }

        String where() {
            return ROOT.relativize(block.file()) + ":" + line;
        }
    }

    private DocsMarkdown() {}

    /** README.md and every Markdown file in skill/, in a stable order. */
    static List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.walk(ROOT.resolve("skill"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shell code blocks of {@code file} ({@code java}, {@code json} ... blocks are not commands). */
    static List<Block> blocks(Path file) {
        return blocks(file, read(file));
    }

    static List<Block> blocks(Path file, String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String pendingMarker = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher fence = FENCE.matcher(lines[i]);
            if (fence.matches()) {
                int start = i;
                List<String> body = new ArrayList<>();
                for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                    body.add(lines[i]);
                }
                if (SHELL_LANGS.contains(fence.group(1))) {
                    blocks.add(new Block(file, start + 2, fence.group(1), pendingMarker, body));
                }
                pendingMarker = null;
                continue;
            }
            Matcher marker = MARKER.matcher(lines[i]);
            if (marker.find()) {
                pendingMarker = (marker.group(1) + " " + marker.group(2)).strip();
            } else if (!lines[i].isBlank()) {
                pendingMarker = null;
            }
        }
        return blocks;
    }

    /** The steps of a block: heredoc files, then every logical line (the caller picks the sora ones). */
    static List<Step> steps(Block block) {
        List<Step> steps = new ArrayList<>();
        List<String> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            StringBuilder text = new StringBuilder(lines.get(i));
            while (text.toString().endsWith("\\") && i + 1 < lines.size()) {
                text.setLength(text.length() - 1);
                text.append(' ').append(lines.get(++i).strip());
            }
            String line = text.toString().strip();
            if (line.startsWith("$ ")) {
                line = line.substring(2);
            }
            Matcher heredoc = HEREDOC.matcher(line);
            if (heredoc.find() && line.contains(">")) {
                String end = heredoc.group(1);
                StringBuilder content = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).strip().equals(end); i++) {
                    content.append(lines.get(i)).append('\n');
                }
                String target = line.substring(line.lastIndexOf('>') + 1)
                        .replace(heredoc.group(), "")
                        .strip();
                steps.add(
                        new Step(block, block.line() + first, line, null, target.split("\\s+")[0], content.toString()));
                continue;
            }
            Matcher exit = EXIT_COMMENT.matcher(line);
            Integer expected = exit.find() ? Integer.valueOf(exit.group(1)) : block.expectedExit();
            steps.add(new Step(block, block.line() + first, line, expected, null, null));
        }
        return steps;
    }

    /**
     * The words of a shell line up to its first comment, pipe, {@code &&}, {@code ;} or {@code &}:
     * quotes removed, {@code \} escapes applied. Returns null for lines a test cannot run literally
     * (command substitution {@code $(...)}).
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                cur = cur == null ? new StringBuilder() : cur;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur = cur == null ? new StringBuilder() : cur;
                cur.append(line.charAt(++i));
            } else if (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(') {
                return null;
            } else if (Character.isWhitespace(c)) {
                if (cur != null) {
                    words.add(cur.toString());
                    cur = null;
                }
            } else if ((c == '#' && cur == null) || c == '|' || c == ';' || c == '&' || c == '>') {
                break;
            } else {
                cur = cur == null ? new StringBuilder() : cur;
                cur.append(c);
            }
        }
        if (cur != null) {
            words.add(cur.toString());
        }
        return words;
    }

    /** Index of the {@code sora} word (after {@code K=V} assignments), or -1 when the line runs something else. */
    static int soraIndex(List<String> words) {
        if (words == null) {
            return -1;
        }
        int i = 0;
        while (i < words.size() && words.get(i).matches("[A-Z_][A-Z0-9_]*=.*")) {
            i++;
        }
        if (i < words.size() && words.get(i).equals("export")) {
            return -1;
        }
        return i < words.size() && (words.get(i).equals("sora") || words.get(i).endsWith("/sora")) ? i : -1;
    }
}
