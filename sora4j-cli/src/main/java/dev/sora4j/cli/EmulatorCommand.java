package dev.sora4j.cli;

import dev.sora4j.cli.daemon.DaemonFiles;
import dev.sora4j.cli.daemon.DaemonServer;
import dev.sora4j.cli.daemon.IdleTimeout;
import dev.sora4j.cli.daemon.OfflineDaemon;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.Chaos;
import dev.sora4j.emulator.config.ControlConfig;
import dev.sora4j.emulator.config.Dialect;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.EmulatorProfile;
import dev.sora4j.emulator.config.FaultRule;
import dev.sora4j.emulator.config.Moderation;
import dev.sora4j.emulator.config.RateLimits;
import dev.sora4j.emulator.config.WebhookConfig;
import dev.sora4j.errors.InvalidRequestException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Serve the local Videos API emulator until interrupted (Ctrl-C).",
            "",
            "It binds 127.0.0.1, accepts any non-blank API key, renders real MP4/WebP/JPEG files and keeps",
            "jobs, files and batches under --state-dir. The first line on stdout is the base URL to use.",
            "Routes: /v1/videos (create, list, retrieve, delete, content, edits, extensions, remix,",
            "characters), /v1/files and /v1/batches; /_emulator/* with --control.",
            "",
            "With --control, /_emulator/* needs the token printed at start (or set SORA4J_CONTROL_TOKEN),",
            "sent as Authorization: Bearer TOKEN with a JSON body.",
            "",
            "Test header on any request: x-sora4j-fault: 503 | reset | reset-after-headers | truncate |",
            "latency=MS | fail-job (comma-separated).",
            "",
            "Examples:",
            "  sora emulator --port 8089",
            "  sora emulator --profile spec --rpm sora-2=30 --error-rate 0.2 --seed 7",
            "  sora emulator --fault \"POST /v1/videos every=3 status=429 retry-after=1\"",
            "  SORA4J_WEBHOOK_SECRET=whsec_... sora emulator --control --webhook-url http://127.0.0.1:9000/hook",
            "  OPENAI_BASE_URL=http://127.0.0.1:8089/v1 OPENAI_API_KEY=x sora create --prompt \"...\"",
            "",
            "`sora --offline ...` uses a background emulator on ~/.sora4j/emulator instead, started by the",
            "first command and stopped after SORA4J_EMULATOR_IDLE (default 10m) without requests:",
            "  sora emulator status      sora emulator stop"
        },
        subcommands = {EmulatorStatusCommand.class, EmulatorStopCommand.class})
final class EmulatorCommand extends BaseCommand {
    static final String WEBHOOK_SECRET_ENV = "SORA4J_WEBHOOK_SECRET";
    static final String CONTROL_TOKEN_ENV = "SORA4J_CONTROL_TOKEN";

    /** Set by {@link OfflineDaemon} when it starts the background emulator; not for people. */
    @Option(names = OfflineDaemon.DAEMON_FLAG, hidden = true)
    boolean daemon;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "0",
            description = "Port on 127.0.0.1 (0 = any free port; default 0).")
    int port;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "Where jobs, files, batches and media persist (default ~/.sora4j/emulator).")
    Path stateDir;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "1",
            description = "Timeline speed factor; 2 finishes jobs twice as fast (default 1).")
    double speed;

    @Option(
            names = "--render-threads",
            paramLabel = "N",
            defaultValue = "1",
            description = "Clips encoded at once (default 1).")
    int renderThreads;

    @Option(
            names = "--asset-ttl",
            paramLabel = "SECONDS",
            defaultValue = "3600",
            description =
                    "How long content stays downloadable after completion (default 3600; batch videos: 24 h after the batch).")
    long assetTtl;

    @Option(
            names = "--content-bytes-per-second",
            paramLabel = "N",
            defaultValue = "0",
            description = "Throttle content downloads to N bytes/s, to rehearse slow links (default 0 = unthrottled).")
    long contentBytesPerSecond;

    @Option(
            names = "--render-base",
            paramLabel = "SECONDS",
            defaultValue = "1",
            description =
                    "Planned in_progress time of every job before its per-second part (default 1; e.g. 30 for realistic waits).")
    double renderBase;

    @Option(
            names = "--rpm",
            paramLabel = "MODEL=N[,...]",
            defaultValue = "sora-2=50,sora-2-pro=25",
            description =
                    "Requests per minute per model on create/edit/extend/remix, with x-ratelimit-* headers and 429 + retry-after past it (default sora-2=50,sora-2-pro=25; *=N for any model).")
    String rpm;

    @Option(names = "--no-rate-limits", description = "Serve without rate limits.")
    boolean noRateLimits;

    @Option(
            names = "--fault",
            paramLabel = "RULE",
            description =
                    "\"METHOD PATH every=N status=CODE [retry-after=S] [lose-answer=1]\": every Nth matching request gets"
                            + " CODE (with lose-answer=1, after it was carried out); repeatable.")
    List<String> faults = new ArrayList<>();

    @Option(
            names = "--error-rate",
            paramLabel = "[ROUTE=]P",
            description =
                    "Probability of an injected 5xx, for every route or one (\"POST /v1/videos=0.2\", \"GET /v1/videos/{id}=0.05\"); repeatable.")
    List<String> errorRates = new ArrayList<>();

    @Option(
            names = "--error-statuses",
            paramLabel = "CODES",
            defaultValue = "500,502,503",
            split = ",",
            description = "Statuses an injected error is drawn from (default 500,502,503).")
    List<Integer> errorStatuses;

    @Option(
            names = "--should-retry",
            paramLabel = "true|false",
            description = "Send x-should-retry with this value on injected errors (default: omitted).")
    Boolean shouldRetry;

    @Option(
            names = "--latency",
            paramLabel = "MS",
            defaultValue = "0",
            description = "Added to every answer (default 0).")
    long latencyMs;

    @Option(
            names = "--jitter",
            paramLabel = "MS",
            defaultValue = "0",
            description = "Up to this much more latency, drawn uniformly (default 0).")
    long jitterMs;

    @Option(
            names = "--reset-rate",
            paramLabel = "P",
            defaultValue = "0",
            description = "Probability of closing the connection before answering.")
    double resetRate;

    @Option(
            names = "--reset-after-headers-rate",
            paramLabel = "P",
            defaultValue = "0",
            description = "Probability that a content download is cut right after its headers.")
    double resetAfterHeadersRate;

    @Option(
            names = "--truncate-rate",
            paramLabel = "P",
            defaultValue = "0",
            description = "Probability that a content download stops halfway (Content-Length stays whole).")
    double truncateRate;

    @Option(
            names = "--job-failure-rate",
            paramLabel = "P",
            defaultValue = "0",
            description = "Probability that a new job ends failed with an error object.")
    double jobFailureRate;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Seed of the fault draws, so a run repeats exactly (default 1).")
    long seed;

    @Option(
            names = "--moderation",
            paramLabel = "FILE",
            description =
                    "Moderation rules, lines of rule_name = term, term ... (default: a few public figures and copyrighted characters).")
    Path moderation;

    @Option(names = "--no-moderation", description = "Let every prompt through.")
    boolean noModeration;

    @Option(
            names = "--webhook-url",
            paramLabel = "URL",
            description = "POST video.completed, video.failed and batch.* events here (repeatable).")
    List<URI> webhookUrls = new ArrayList<>();

    @Option(
            names = "--webhook-secret-file",
            paramLabel = "FILE",
            description =
                    "File holding the Standard Webhooks signing secret whsec_... (or set SORA4J_WEBHOOK_SECRET); required with --webhook-url.")
    Path webhookSecretFile;

    @Option(
            names = "--webhook-secret",
            paramLabel = "whsec_...",
            description =
                    "Deprecated: visible to other users in the process list; use SORA4J_WEBHOOK_SECRET or --webhook-secret-file.")
    String webhookSecret;

    @Option(
            names = "--control",
            description = "Serve /_emulator/clock, /clock/advance, /clock/speed, /stats and /reset for tests.")
    boolean control;

    @Option(
            names = "--dialect",
            paramLabel = "NAME",
            defaultValue = "openai",
            description = {
                "Which server to imitate (routes, auth header, encodings, fields, ids, statuses, errors):",
                "openai (default): the spec's shape; gateway: omit null fields, report expired/cancelled;",
                "litellm: LiteLLM proxy (base64 ids, no prompt, variant ignored, no DELETE);",
                "vllm-omni: multipart-only create, served-model check, video_gen_ ids, failed retrieve = 500;",
                "sglang: UUID ids, queued until done, {\"detail\"} errors, delete returns status deleted;",
                "trtllm: 202, generating/postprocessing, duration, flat errors, {\"deleted\":true};",
                "azure: /openai/v1, api-key, deployment names, 720p, 2 running jobs then 429;",
                "openrouter: /api/v1, JSON only, duration/resolution/aspect_ratio, 202, signed urls[];",
                "new-api: task ids, omitted empty fields, remix, no list or delete."
            })
    String dialect;

    @Override
    int execute() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new InvalidRequestException(null, "--port must be between 0 and 65535, got " + port);
        }
        if (!(speed > 0)) {
            throw new InvalidRequestException(null, "--speed must be > 0, got " + speed);
        }
        Path state = stateDir != null ? stateDir : context().offlineStateDir();
        // Before the first logger exists: quiet unless asked, warnings of a served emulator on stderr.
        if (global().verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        } else {
            System.setProperty("org.slf4j.simpleLogger.log.dev.sora4j.emulator", "warn");
        }
        if (daemon) {
            return serveInBackground(state);
        }
        EmulatorConfig config = config(state);
        Emulator emulator = Emulator.start(config, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "sora4j-emulator-stop"));
        out().println(emulator.baseUrl());
        out().flush();
        info("sora4j emulator serving " + emulator.baseUrl() + " (profile "
                + config.limits().profile().name().toLowerCase(Locale.ROOT)
                + ", rate limits "
                + (config.limits().rateLimits().perMinute().isEmpty()
                        ? "off"
                        : config.limits().rateLimits().perMinute())
                + ", state in " + state + "); Ctrl-C to stop.");
        if (control) {
            info(
                    System.getenv(CONTROL_TOKEN_ENV) != null
                            ? "Control routes need the token from " + CONTROL_TOKEN_ENV + "."
                            : "Control token (send as Authorization: Bearer TOKEN to /_emulator/*): "
                                    + emulator.controlToken());
        }
        stopped.await();
        return ExitCodes.OK;
    }

    /** The background emulator for --offline: what {@link OfflineDaemon} started; its output goes to its log. */
    private int serveInBackground(Path state) throws InterruptedException {
        DaemonServer server = new DaemonServer(
                new DaemonFiles(state),
                context().offlineRenderMode(),
                IdleTimeout.parse(context().env(IdleTimeout.VARIABLE)));
        try {
            out().println(server.serve(out()));
        } catch (IOException e) {
            throw new InvalidRequestException(
                    null, "emulator: cannot write its port file in " + state + ": " + e.getMessage());
        }
        out().flush();
        return ExitCodes.OK;
    }

    EmulatorConfig config(Path state) {
        try {
            List<FaultRule> rules = new ArrayList<>();
            for (String f : faults) {
                rules.add(FaultRule.parse(f));
            }
            Chaos chaos = Chaos.none()
                    .withErrorStatuses(errorStatuses)
                    .withShouldRetry(shouldRetry)
                    .withLatency(Duration.ofMillis(latencyMs), Duration.ofMillis(jitterMs))
                    .withResets(resetRate, resetAfterHeadersRate)
                    .withTruncatedContent(truncateRate)
                    .withJobFailures(jobFailureRate)
                    .withSeed(seed);
            for (String rate : errorRates) {
                int eq = rate.lastIndexOf('=');
                chaos = chaos.withErrorRate(
                        eq < 0 ? "*" : rate.substring(0, eq).strip(),
                        Double.parseDouble(rate.substring(eq + 1).strip()));
            }
            String secret = webhookSecret();
            if (!webhookUrls.isEmpty() && secret == null) {
                throw new InvalidRequestException(
                        null,
                        "--webhook-url needs the signing secret your receiver verifies: set " + WEBHOOK_SECRET_ENV
                                + "=whsec_... or pass --webhook-secret-file FILE.");
            }
            Moderation mod = noModeration
                    ? Moderation.none()
                    : moderation != null ? Moderation.load(moderation) : Moderation.defaults();
            return EmulatorConfig.defaults(state).toBuilder()
                    .speed(speed)
                    .renderThreads(renderThreads)
                    .renderMode(context().offlineRenderMode())
                    .assetTtl(Duration.ofSeconds(assetTtl))
                    .contentBytesPerSecond(contentBytesPerSecond)
                    .renderBase(Duration.ofMillis(Math.round(renderBase * 1000)))
                    .profile(EmulatorProfile.parse(context().profile(global()).id()))
                    .faults(rules)
                    .rateLimits(noRateLimits ? RateLimits.none() : RateLimits.parse(rpm))
                    .chaos(chaos)
                    .moderation(mod)
                    .webhooks(webhookUrls.isEmpty() ? WebhookConfig.none() : WebhookConfig.to(webhookUrls, secret))
                    .control(new ControlConfig(control, System.getenv(CONTROL_TOKEN_ENV)))
                    .dialect(Dialect.parse(dialect)
                            .orElseThrow(
                                    () -> new IllegalArgumentException("--dialect must be one of " + Dialect.names())))
                    .build();
        } catch (IOException e) {
            throw new InvalidRequestException(null, "--moderation " + moderation + ": " + e.getMessage());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(
                    null, "--error-rate takes a probability like 0.2 or \"POST /v1/videos=0.2\"; " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(null, "emulator: " + e.getMessage());
        }
    }

    /** The secret from --webhook-secret-file, else the environment, else the deprecated flag (with a warning). */
    private String webhookSecret() throws IOException {
        if (webhookSecretFile != null) {
            try {
                return Files.readString(webhookSecretFile, StandardCharsets.UTF_8)
                        .strip();
            } catch (IOException e) {
                throw new InvalidRequestException(
                        null, "--webhook-secret-file " + webhookSecretFile + " cannot be read; check the path.");
            }
        }
        String fromEnv = System.getenv(WEBHOOK_SECRET_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        if (webhookSecret != null) {
            warn("--webhook-secret shows the secret to every user of this machine (process list, shell history);"
                    + " use " + WEBHOOK_SECRET_ENV + " or --webhook-secret-file instead.");
        }
        return webhookSecret;
    }
}
