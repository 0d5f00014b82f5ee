package dev.sora4j.cli;

import dev.sora4j.options.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Compares the documentation with the command line's own model (picocli's CommandSpec, the source
 * of {@code --help}): flags used in documented commands must exist, and {@code references/cli.md}
 * must document every command and flag that {@code --help} shows (hidden options excepted). In
 * cli.md, a command's section is checked on its prose; its examples are checked line by line. Returns problems as lines, so a test can also feed it
 * altered documents and check that it notices.
 */
final class DocsFlags {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    private static final Pattern SECTION = Pattern.compile("(?m)^#{2,4} `sora( [a-z-]+)*`.*$");
    // Examples may run other commands (create, then poll); their flags are checked per command line.
    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```.*?^```");
    private static final Set<String> STANDARD = Set.of("--help", "--version");

    final CommandSpec root;

    DocsFlags() {
        CliContext context = new CliContext(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                Map.of(),
                new Properties(),
                Clock.systemUTC(),
                Sleeper.system(),
                false);
        root = Sora.commandLine(context).getCommandSpec();
    }

    /** Every command, by its path after {@code sora} ({@code ""} is the root), without {@code help}. */
    Map<String, CommandSpec> commands() {
        Map<String, CommandSpec> all = new LinkedHashMap<>();
        collect("", root, all);
        return all;
    }

    private static void collect(String path, CommandSpec spec, Map<String, CommandSpec> into) {
        into.put(path, spec);
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            if (!sub.getKey().equals("help")) {
                collect((path + " " + sub.getKey()).strip(), sub.getValue().getCommandSpec(), into);
            }
        }
    }

    /** The command reached by {@code args} (the words after {@code sora}) and where its own words start. */
    record Resolved(CommandSpec spec, String path) {}

    Resolved resolve(List<String> args) {
        CommandSpec spec = root;
        String path = "";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                OptionSpec o = option(spec, a);
                if (o != null && o.arity().max() > 0 && !a.contains("=")) {
                    i++;
                }
                continue;
            }
            CommandLine sub = spec.subcommands().get(a);
            if (sub == null) {
                break;
            }
            spec = sub.getCommandSpec();
            path = (path + " " + a).strip();
        }
        return new Resolved(spec, path);
    }

    /** The option {@code word} names in {@code spec} ({@code --x=v} and {@code --no-x} included), or null. */
    static OptionSpec option(CommandSpec spec, String word) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        for (OptionSpec o : spec.options()) {
            for (String n : o.names()) {
                if (n.equals(name) || (o.negatable() && name.equals("--no-" + n.substring(2)))) {
                    return o;
                }
            }
        }
        return null;
    }

    /** Problems with the flags of one documented command line ({@code words} start after {@code sora}). */
    List<String> commandProblems(String where, List<String> args) {
        List<String> problems = new ArrayList<>();
        Resolved r = resolve(args);
        for (String a : args) {
            if (a.startsWith("--") && a.length() > 2 && option(r.spec(), a) == null) {
                problems.add(where + ": `sora " + r.path() + "` has no option " + a.split("=")[0]);
            }
        }
        return problems;
    }

    /** Options that every command inherits from the root (documented once, under "Global options"). */
    Set<String> globalNames() {
        Set<String> names = new LinkedHashSet<>();
        for (OptionSpec o : root.options()) {
            names.add(o.longestName());
        }
        return names;
    }

    /**
     * Problems between {@code cliMd} and the command line, both ways: a section per command
     * ({@code ### `sora create`}), each flag mentioned in a section exists in that command, each
     * flag of the command is mentioned in its section (inherited global options in the root's).
     */
    List<String> cliMdProblems(String cliMd) {
        List<String> problems = new ArrayList<>();
        Map<String, String> sections = sections(cliMd);
        Set<String> globals = globalNames();
        for (Map.Entry<String, CommandSpec> c : commands().entrySet()) {
            String path = c.getKey();
            String text = sections.get(path) == null
                    ? null
                    : CODE_BLOCK.matcher(sections.get(path)).replaceAll("");
            String title = "`sora" + (path.isEmpty() ? "" : " " + path) + "`";
            if (text == null) {
                problems.add("cli.md has no section " + title);
                continue;
            }
            for (OptionSpec o : c.getValue().options()) {
                String name = o.longestName();
                if (o.hidden() || STANDARD.contains(name) || (!path.isEmpty() && globals.contains(name))) {
                    continue;
                }
                if (!mentions(text, name) && !(o.negatable() && mentions(text, "--no-" + name.substring(2)))) {
                    problems.add("cli.md section " + title + " does not document " + name);
                }
            }
            Matcher m = FLAG.matcher(text);
            while (m.find()) {
                if (option(c.getValue(), m.group()) == null) {
                    problems.add("cli.md section " + title + " mentions " + m.group() + ", which `sora"
                            + (path.isEmpty() ? "" : " " + path) + " --help` does not list");
                }
            }
        }
        for (String path : sections.keySet()) {
            if (!commands().containsKey(path)) {
                problems.add("cli.md has a section for `sora " + path + "`, which is not a command");
            }
        }
        return problems;
    }

    private static boolean mentions(String text, String flag) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "(?![\\w-])")
                .matcher(text)
                .find();
    }

    /** cli.md's sections keyed by command path; a section runs to the next command heading. */
    static Map<String, String> sections(String markdown) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(markdown);
        String path = null;
        int start = 0;
        while (m.find()) {
            if (path != null) {
                out.merge(path, markdown.substring(start, m.start()), String::concat);
            }
            String heading = m.group();
            String inTicks =
                    heading.substring(heading.indexOf('`') + 1, heading.indexOf('`', heading.indexOf('`') + 1));
            path = inTicks.substring("sora".length()).strip();
            start = m.end();
        }
        if (path != null) {
            out.merge(path, markdown.substring(start), String::concat);
        }
        return out;
    }

    static Path cliMd() {
        return DocsMarkdown.CLI_MD;
    }
}
