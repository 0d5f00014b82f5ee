package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.options.Sleeper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Docs that cannot rot (issue 15): every {@code sora ...} command in a shell code block of
 * README.md and skill/** runs, in document order, in-process through picocli, and must end with its
 * expected exit code (0 unless the block or line says {@code exit N}; see {@link DocsMarkdown}).
 *
 * <p>How a documented command is run: {@code --offline} is added unless it has it, runs
 * {@code --dry-run}, or names a server. {@code --offline} is served by one in-process emulator
 * (FAST renders, a manual clock that the command's waits advance, so polling is instant). A
 * loopback server (`--base-url`/`OPENAI_BASE_URL` on 127.0.0.1 or localhost, as after `sora
 * emulator`) is that same emulator; a command for another server gets {@code --dry-run}, or that
 * emulator when it has no dry run. Each document has its own SORA4J_HOME (ledger) and each block
 * its own working directory; relative paths are resolved there, {@code ~} is that home. Input files
 * a command names but the docs do not create are made for it (a rendered MP4, a PNG of the
 * requested size, a jobs file, a prompt, a webhook secret); placeholder ids ({@code video_123},
 * {@code video_...}, {@code char_123}, {@code batch_...}) become a real completed video, character
 * or {@code @last}. Servers ({@code sora emulator}, {@code sora webhooks listen}, {@code sora gallery}) are parsed by
 * picocli but not started. A block marked {@code <!-- docs-test: skip (reason) -->} is counted,
 * and at most {@value #MAX_SKIPS} may be.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DocsCommandsIT {
    static final int MAX_SKIPS = 10;
    private static final Set<String> SERVERS = Set.of("emulator", "webhooks listen", "gallery");
    private static final Set<String> INPUT_OPTIONS = Set.of(
            "--input",
            "--prompt-file",
            "--video-file",
            "--input-reference",
            "--moderation",
            "--secret-file",
            "--webhook-secret-file");
    private static final Set<String> PATH_OPTIONS = Set.of(
            "--input",
            "--prompt-file",
            "--video-file",
            "--input-reference",
            "--moderation",
            "--secret-file",
            "--webhook-secret-file",
            "--out",
            "--out-dir",
            "--json-out",
            "--state-dir",
            "--ledger",
            "--dir");
    private static final Pattern VIDEO_PLACEHOLDER = Pattern.compile("video_(?:123|456|\\.\\.\\.|…|[A-Z_]+)");
    private static final Pattern CHAR_PLACEHOLDER = Pattern.compile("char_(?:123|\\.\\.\\.|…)");
    private static final Pattern BATCH_PLACEHOLDER = Pattern.compile("batch_(?:123|\\.\\.\\.|…)");
    private static final Pattern LOOPBACK = Pattern.compile("https?://(127\\.0\\.0\\.1|localhost)(:\\d+)?(/.*)?");
    private static final Pattern VIDEO_ID = Pattern.compile("\"id\" : \"(video_[^\"]+)\"");
    private static final Pattern CHAR_ID = Pattern.compile("\"id\" : \"(char_[^\"]+)\"");
    private static final Pattern JSONL_IMAGE = Pattern.compile("\"input_reference\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");

    @TempDir
    static Path tmp;

    static ManualClock clock;
    static Emulator emulator;
    static Sleeper advance;

    @BeforeAll
    static void startEmulator() {
        clock = new ManualClock(Instant.parse("2026-11-05T09:00:00Z"));
        emulator = Emulator.start(
                EmulatorConfig.defaults(tmp.resolve("emulator"))
                        .withClock(clock)
                        .withRenderMode(RenderMode.FAST),
                0);
        advance = d -> {
            clock.advance(d);
            emulator.tick();
            emulator.awaitRenders(Duration.ofSeconds(60));
            emulator.tick();
        };
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    /** The state of one document's run: its home, the ids placeholders stand for, counters. */
    private final class DocRun {
        final Path dir;
        final Map<String, String> env = new HashMap<>();
        String video;
        String character;
        Path clip;

        DocRun(Path dir) throws IOException {
            this.dir = Files.createDirectories(dir);
            env.put("SORA4J_HOME", dir.resolve("home").toString());
            env.put("OPENAI_API_KEY", "sk-docs-test");
        }

        CliRun.Result run(Map<String, String> extraEnv, List<String> args) {
            Map<String, String> e = new HashMap<>(env);
            extraEnv.forEach((k, v) -> {
                if (v.isEmpty()) {
                    e.remove(k);
                } else {
                    e.put(k, v);
                }
            });
            return new CliRun(e, clock, advance).withOffline(emulator).run(args.toArray(String[]::new));
        }

        String video() throws IOException {
            if (video == null) {
                CliRun.Result r = run(Map.of(), List.of("--offline", "create-and-poll", "--prompt", "Docs test setup"));
                assertThat(r.code()).as(r.err()).isZero();
                video = matchOne(VIDEO_ID, r.out());
            }
            return video;
        }

        Path clip() throws IOException {
            if (clip == null) {
                clip = dir.resolve("setup-clip.mp4");
                CliRun.Result r =
                        run(Map.of(), List.of("--offline", "download", "--id", video(), "--out", clip.toString()));
                assertThat(r.code()).as(r.err()).isZero();
            }
            return clip;
        }

        String character() throws IOException {
            if (character == null) {
                CliRun.Result r = run(
                        Map.of(),
                        List.of("--offline", "create-character", "--name", "Mossy", "--video-file", clip().toString()));
                assertThat(r.code()).as(r.err()).isZero();
                character = matchOne(CHAR_ID, r.out());
            }
            return character;
        }
    }

    @Test
    void every_documented_command_runs_with_its_expected_exit_code() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> skips = new ArrayList<>();
        List<String> timings = new ArrayList<>();
        int ran = 0;
        int parsed = 0;
        DocsFlags flags = new DocsFlags();
        for (Path doc : DocsMarkdown.documents()) {
            DocRun run = new DocRun(tmp.resolve("docs")
                    .resolve(DocsMarkdown.ROOT.relativize(doc).toString().replace('/', '_')));
            int blockNo = 0;
            for (DocsMarkdown.Block block : DocsMarkdown.blocks(doc)) {
                Path work = Files.createDirectories(run.dir.resolve("block-" + (++blockNo)));
                List<DocsMarkdown.Step> steps = DocsMarkdown.steps(block);
                boolean hasSora = steps.stream()
                        .anyMatch(s -> !s.isHeredoc() && DocsMarkdown.soraIndex(DocsMarkdown.words(s.text())) >= 0);
                if (block.skipped()) {
                    if (hasSora) {
                        skips.add(DocsMarkdown.ROOT.relativize(doc) + ":" + block.line() + " " + block.marker());
                    }
                    continue;
                }
                for (DocsMarkdown.Step step : steps) {
                    if (step.isHeredoc()) {
                        Path written = resolve(work, step.heredocFile(), run);
                        Files.writeString(written, substitute(step.heredocText(), run));
                        // Images a jobs file names, made like any other missing input.
                        Matcher image = JSONL_IMAGE.matcher(step.heredocText());
                        while (image.find()) {
                            Path p = resolve(written.getParent(), image.group(1), run);
                            if (!Files.exists(p)) {
                                fixture(p, List.of(), run);
                            }
                        }
                        continue;
                    }
                    List<String> words = DocsMarkdown.words(step.text());
                    int at = DocsMarkdown.soraIndex(words);
                    if (words != null && words.size() >= 2 && words.get(0).equals("export")) {
                        String[] kv = words.get(1).split("=", 2);
                        run.env.put(kv[0], kv.length > 1 ? placeholderSecret(kv[1]) : "");
                    }
                    if (at < 0) {
                        continue;
                    }
                    Map<String, String> env = new HashMap<>();
                    for (String w : words.subList(0, at)) {
                        String[] kv = w.split("=", 2);
                        env.put(kv[0], placeholderSecret(kv[1]));
                    }
                    List<String> args = new ArrayList<>(words.subList(at + 1, words.size()));
                    DocsFlags.Resolved target = flags.resolve(args);
                    if (SERVERS.contains(target.path())) {
                        try {
                            new CommandLine(flags.root).parseArgs(args.toArray(String[]::new));
                            parsed++;
                        } catch (CommandLine.ParameterException e) {
                            failures.add(step.where() + ": `" + step.text() + "` does not parse: " + e.getMessage());
                        }
                        continue;
                    }
                    List<String> argv = prepare(args, env, target, work, run);
                    int expected = step.exit() == null ? 0 : step.exit();
                    long started = System.nanoTime();
                    CliRun.Result r = run.run(env, argv);
                    ran++;
                    timings.add(String.format("%6d ms  %s", (System.nanoTime() - started) / 1_000_000, step.where()));
                    if (r.code() == 0 && argv.contains("create-character") && !argv.contains("--dry-run")) {
                        // The document made its own character: its later char_123 means that one (its name
                        // must appear in their prompts).
                        run.character = matchOne(CHAR_ID, r.out());
                    }
                    if (r.code() != expected) {
                        failures.add(step.where() + ": `" + step.text() + "` exited " + r.code() + ", expected "
                                + expected + "\n    ran: sora " + String.join(" ", argv) + "\n    stderr: "
                                + r.err().strip().replace("\n", "\n            "));
                    }
                }
            }
        }
        timings.sort(java.util.Comparator.reverseOrder());
        System.err.println("DocsCommandsIT, slowest: " + timings.subList(0, Math.min(8, timings.size())));
        System.err.printf(
                "DocsCommandsIT: %d commands ran, %d servers parsed, %d blocks skipped: %s%n",
                ran, parsed, skips.size(), skips);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
        assertThat(skips).as("blocks marked docs-test: skip").hasSizeLessThanOrEqualTo(MAX_SKIPS);
        assertThat(ran).as("documented commands run").isGreaterThan(60);
    }

    private List<String> prepare(
            List<String> args, Map<String, String> env, DocsFlags.Resolved target, Path work, DocRun run)
            throws IOException {
        List<String> out = new ArrayList<>();
        boolean offline = false;
        boolean dryRun = false;
        boolean server = false;
        boolean remote = false;
        for (int i = 0; i < args.size(); i++) {
            String a = substitute(args.get(i), run);
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") && a.startsWith("--") ? a.substring(a.indexOf('=') + 1) : null;
            offline |= a.equals("--offline");
            dryRun |= a.equals("--dry-run");
            if (name.equals("--base-url")) {
                String url = inline != null ? inline : args.get(++i);
                server = true;
                if (LOOPBACK.matcher(url).matches()) {
                    url = emulator.baseUrl();
                } else {
                    remote = true;
                }
                out.add("--base-url");
                out.add(url);
                continue;
            }
            if (PATH_OPTIONS.contains(name) && DocsFlags.option(target.spec(), name) != null) {
                String value = inline != null ? inline : (i + 1 < args.size() ? substitute(args.get(++i), run) : "");
                Path p = resolve(work, value, run);
                if (INPUT_OPTIONS.contains(name) && !Files.exists(p)) {
                    fixture(p, args, run);
                }
                out.add(name);
                out.add(p + (value.endsWith("/") ? "/" : ""));
                continue;
            }
            out.add(a);
        }
        String envUrl = env.get("OPENAI_BASE_URL");
        if (envUrl != null && !envUrl.isEmpty()) {
            server = true;
            if (LOOPBACK.matcher(envUrl).matches()) {
                env.put("OPENAI_BASE_URL", emulator.baseUrl());
            } else {
                remote = true;
            }
        }
        boolean canDryRun = DocsFlags.option(target.spec(), "--dry-run") != null;
        if (remote && !dryRun) {
            if (canDryRun) {
                out.add("--dry-run");
            } else {
                // A command with no dry run (status, poll ...) reaches the local emulator instead.
                for (int i = 0; i < out.size(); i++) {
                    if (out.get(i).equals("--base-url")) {
                        out.set(i + 1, emulator.baseUrl());
                    }
                }
                if (env.containsKey("OPENAI_BASE_URL")) {
                    env.put("OPENAI_BASE_URL", emulator.baseUrl());
                }
            }
        } else if (!offline && !dryRun && !server) {
            out.add(0, "--offline");
        }
        return out;
    }

    private static String substitute(String word, DocRun run) throws IOException {
        String w = word;
        if (VIDEO_PLACEHOLDER.matcher(w).find()) {
            w = VIDEO_PLACEHOLDER.matcher(w).replaceAll(run.video());
        }
        if (CHAR_PLACEHOLDER.matcher(w).find()) {
            w = CHAR_PLACEHOLDER.matcher(w).replaceAll(run.character());
        }
        return BATCH_PLACEHOLDER.matcher(w).replaceAll("@last");
    }

    /** whsec_... in the docs stands for a real secret. */
    private static String placeholderSecret(String value) {
        return value.startsWith("whsec_") && value.contains("...")
                ? "whsec_"
                        + java.util.Base64.getEncoder()
                                .encodeToString("docs-test-secret-0123456789".getBytes(StandardCharsets.UTF_8))
                : value;
    }

    private static Path resolve(Path work, String value, DocRun run) {
        String v = value.startsWith("~/")
                ? run.dir.resolve("home").resolve(value.substring(2)).toString()
                : value;
        return work.resolve(v).normalize();
    }

    private static void fixture(Path p, List<String> args, DocRun run) throws IOException {
        Files.createDirectories(p.getParent());
        String name = p.getFileName().toString();
        if (name.endsWith(".mp4")) {
            Files.copy(run.clip(), p);
        } else if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            int index = args.indexOf("--size");
            Matcher m = SIZE.matcher(index >= 0 ? args.get(index + 1) : "1280x720");
            assertThat(m.matches()).isTrue();
            BufferedImage image = new BufferedImage(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), BufferedImage.TYPE_INT_RGB);
            ImageIO.write(image, name.endsWith(".png") ? "png" : "jpg", p.toFile());
        } else if (name.endsWith(".jsonl")) {
            Files.writeString(
                    p,
                    "A paper boat drifting on a pond at dawn\n{\"prompt\": \"A lighthouse at dusk\", \"seconds\": \"8\"}\n");
        } else if (name.contains("secret")) {
            Files.writeString(p, placeholderSecret("whsec_..."));
        } else {
            Files.writeString(p, "A paper boat drifting on a pond at dawn\n");
        }
    }

    private static String matchOne(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
