package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.clock.ManualClock;
import dev.sora4j.emulator.config.Dialect;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.options.Sleeper;
import dev.sora4j.providers.Feature;
import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 2 of issue 12, one row per provider: through the {@code sora} CLI (in-process) against
 * the emulator in that provider's dialect, create-and-poll with a download, status, list, delete and
 * create-batch where the provider supports them, the refusal of one unsupported command (exit 2, no
 * request sent), and a job created under the provider that a new run with no provider flags polls
 * and downloads from the ledger. Fast renders and a manual clock keep it short.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProviderMatrixIT {
    private static final Providers PROVIDERS = Providers.builtIn();

    /**
     * One provider's row.
     *
     * @param name the provider (and the emulator's dialect)
     * @param createArgs what a create needs on this provider (model naming differs)
     * @param refused an unsupported command, with {@code ID} standing for an existing job id
     * @param refusedFeature the capability the refusal names
     */
    record Row(String name, List<String> createArgs, List<String> refused, Feature refusedFeature) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        List<String> plain = List.of("--size", "1280x720", "--seconds", "4");
        List<String> remix = List.of("remix", "--id", "ID", "--prompt", "Same, at night");
        return Stream.of(
                new Row(
                        "openai",
                        plain,
                        List.of("create", "--prompt", "With a seed", "--extra", "seed=42"),
                        Feature.EXTRA_FIELDS),
                new Row(
                        "azure",
                        with(plain, "--model", "sora-2"),
                        List.of("extend", "--id", "ID", "--prompt", "Longer", "--seconds", "4"),
                        Feature.EXTEND),
                new Row("litellm", with(plain, "--model", "sora-2"), List.of("delete", "--id", "ID"), Feature.DELETE),
                new Row("vllm-omni", plain, remix, Feature.REMIX),
                new Row("sglang", plain, remix, Feature.REMIX),
                new Row("trtllm", plain, remix, Feature.REMIX),
                new Row(
                        "openrouter",
                        with(List.of("--seconds", "4", "--size", "1280x720"), "--model", "openai/sora-2"),
                        List.of("list"),
                        Feature.LIST),
                new Row("new-api", with(plain, "--model", "sora-2"), List.of("list"), Feature.LIST));
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void every_supported_command_works_and_the_unsupported_one_is_refused(Row row) throws IOException {
        ProviderProfile profile = PROVIDERS.require(row.name());
        ManualClock clock = new ManualClock(Instant.parse("2026-12-02T09:00:00Z"));
        try (Emulator emulator = Emulator.start(
                EmulatorConfig.defaults(home.resolve("emu"))
                        .withClock(clock)
                        .withRenderMode(RenderMode.FAST)
                        .withDialect(Dialect.parse(row.name()).orElseThrow()),
                0)) {
            Sleeper sleeper = d -> {
                clock.advance(d);
                emulator.awaitRenders(Duration.ofSeconds(30));
            };
            // Only the provider's own key variable: an OPENAI_API_KEY must not be what makes it work.
            Map<String, String> env = Map.of(
                    "SORA4J_HOME", home.toString(), profile.auth().envVars().get(0), "sk-matrix-" + row.name());
            CliRun sora = new CliRun(env, clock, sleeper);
            List<String> flags = List.of("--provider", row.name(), "--base-url", emulator.baseUrl());

            // create-and-poll --download
            Path clip = home.resolve("clip.mp4");
            CliRun.Result made = sora.run(args(
                    flags,
                    "create-and-poll",
                    row.createArgs(),
                    "--prompt",
                    "A paper boat on a pond",
                    "--download",
                    "--out",
                    clip.toString()));
            assertThat(made.code()).as(row + " create-and-poll: " + made.err()).isZero();
            assertMp4(clip);
            String id = lastJobId(sora);

            // status
            CliRun.Result status = sora.run(args(flags, "status", List.of(), "--id", id));
            assertThat(status.code()).as(row + " status: " + status.err()).isZero();
            assertThat(status.out()).contains("completed");

            // list
            CliRun.Result list = sora.run(args(flags, "list", List.of()));
            if (profile.capabilities().get(Feature.LIST).usable()) {
                assertThat(list.code()).as(row + " list: " + list.err()).isZero();
                assertThat(list.out()).contains("\"data\"");
            } else {
                assertThat(list.code()).as(row + " list refused: " + list.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            }

            // create-batch --wait --download, two lines
            Path jobs = Files.write(home.resolve("jobs.jsonl"), List.of("A red kite", "A blue kite"));
            Path outDir = home.resolve("batch");
            CliRun.Result batch = sora.run(args(
                    flags,
                    "create-batch",
                    row.createArgs(),
                    "--input",
                    jobs.toString(),
                    "--out-dir",
                    outDir.toString(),
                    "--wait",
                    "--download"));
            assertThat(batch.code())
                    .as(row + " create-batch: " + batch.out() + batch.err())
                    .isZero();
            try (Stream<Path> files = Files.list(outDir)) {
                List<Path> mp4s =
                        files.filter(p -> p.toString().endsWith(".mp4")).toList();
                assertThat(mp4s).hasSize(2);
                for (Path p : mp4s) {
                    assertMp4(p);
                }
            }

            // the unsupported command: refused before anything is sent
            Map<String, Object> before = emulator.stats();
            List<String> refused =
                    row.refused().stream().map(a -> a.equals("ID") ? id : a).toList();
            CliRun.Result refusal = sora.run(args(flags, refused.get(0), refused.subList(1, refused.size())));
            assertThat(refusal.code()).as(row + " refusal: " + refusal.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            String alternative =
                    profile.capabilities().get(row.refusedFeature()).note();
            assertThat(refusal.err())
                    .as(row + " refusal message")
                    .contains("provider " + row.name())
                    .contains(row.refusedFeature().label())
                    .contains(alternative.substring(0, Math.min(40, alternative.length())));
            assertThat(emulator.stats().get("requests"))
                    .as(row + " refusal sent nothing")
                    .isEqualTo(before.get("requests"));
            assertThat(emulator.stats().get("jobs_created")).isEqualTo(before.get("jobs_created"));

            // delete
            if (profile.capabilities().get(Feature.DELETE).usable()) {
                CliRun.Result deleted = sora.run(args(flags, "delete", List.of(), "--id", id));
                assertThat(deleted.code()).as(row + " delete: " + deleted.err()).isZero();
            }

            // a job created now is polled and downloaded later by a run with no provider flags
            CliRun.Result created =
                    sora.run(args(flags, "create", row.createArgs(), "--prompt", "A lighthouse at dusk"));
            assertThat(created.code()).as(row + " create: " + created.err()).isZero();
            String later = lastJobId(sora);
            CliRun fresh = new CliRun(env, clock, sleeper);
            Path laterClip = home.resolve("later.mp4");
            CliRun.Result polled = fresh.run("poll", "--id", later, "--download", "--out", laterClip.toString());
            assertThat(polled.code())
                    .as(row + " poll without provider flags: " + polled.err())
                    .isZero();
            assertMp4(laterClip);
            CliRun.Result laterStatus = fresh.run("status", "--id", later);
            assertThat(laterStatus.code())
                    .as(row + " status without provider flags: " + laterStatus.err())
                    .isZero();
            assertThat(laterStatus.out()).contains("completed");
        }
    }

    private static String[] args(List<String> flags, String command, List<String> commandArgs, String... more) {
        List<String> all = new ArrayList<>(flags);
        all.add(command);
        all.addAll(commandArgs);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The id the newest ledger entry holds (the create answer's, which later answers may re-encode). */
    private static String lastJobId(CliRun sora) {
        CliRun.Result jobs = sora.run("jobs", "--json", "--limit", "1");
        assertThat(jobs.code()).as(jobs.err()).isZero();
        String out = jobs.out();
        int at = out.indexOf("\"id\" : \"");
        assertThat(at).as(out).isNotNegative();
        int start = at + "\"id\" : \"".length();
        return out.substring(start, out.indexOf('"', start));
    }

    private static void assertMp4(Path file) throws IOException {
        assertThat(file).exists();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            assertThat(new String(head, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        }
        assertThat(Files.size(file)).isGreaterThan(1000);
    }
}
