package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.cli.daemon.DaemonFiles;
import dev.sora4j.cli.daemon.IdleTimeout;
import dev.sora4j.cli.daemon.OfflineDaemon;
import dev.sora4j.config.BaseUrls;
import dev.sora4j.config.Settings;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.emulator.config.RenderMode;
import dev.sora4j.guard.Guardrails;
import dev.sora4j.ledger.JdbcLedger;
import dev.sora4j.ledger.LedgerJournal;
import dev.sora4j.ledger.PostgresLedger;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.options.AuthHeader;
import dev.sora4j.options.ExtensionChains;
import dev.sora4j.options.RequestGate;
import dev.sora4j.options.Sleeper;
import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import dev.sora4j.rules.PriceTable;
import dev.sora4j.rules.Profile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything one run of {@code sora} works with: its writers, its environment, and the client
 * and offline emulator it finds or starts lazily. Nothing here is static, so tests run commands side
 * by side.
 *
 * <p>{@code --offline} of the {@code sora} process uses the background emulator of the data directory
 * ({@link OfflineDaemon}), started by the first command that needs it. A context made by a test serves
 * {@code --offline} from an emulator in its own process instead, so the suite starts no background
 * process unless a test is about it.
 */
final class CliContext implements AutoCloseable {
    static final String OFFLINE_KEY = OfflineDaemon.KEY;
    static final int SDK_RETRIES = 2;
    static final String RENDER_KNOB = "SORA4J_EMULATOR_RENDER";

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Properties system;
    private Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean interactive;
    private SoraClient client;
    /** The provider and base URL of the ledger job this run acts on, when it found one (see clientFor). */
    private String jobProvider;

    private String jobBaseUrl;
    private Emulator offline;
    private boolean ownsOffline = true;
    /** Whether --offline uses the background emulator (the sora process) or one in this process (tests). */
    private boolean backgroundOffline;
    /** The base URL --offline requests go to, once known. */
    private String offlineUrl;

    private JdbcLedger ledger;
    private Guardrails guardrails;
    /** A rate limit shared with other processes (sora worker), or null. */
    private RequestGate teamGate;

    CliContext(
            PrintWriter out,
            PrintWriter err,
            Map<String, String> env,
            Properties system,
            Clock clock,
            Sleeper sleeper,
            boolean interactive) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.system = system;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interactive = interactive;
    }

    static CliContext forProcess(PrintWriter out, PrintWriter err) {
        CliContext context = new CliContext(
                out,
                err,
                System.getenv(),
                System.getProperties(),
                Clock.systemUTC(),
                Sleeper.system(),
                System.console() != null);
        context.backgroundOffline = true;
        return context;
    }

    /** The environment of this run (provider key variables are read from it). */
    Map<String, String> env() {
        return env;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** An environment variable of this run, or null. */
    String env(String name) {
        return env.get(name);
    }

    /** A system property of this run (tests pass their own), or null. */
    String systemProperty(String name) {
        return system.getProperty(name);
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** Read on first use, inside a command, so that a broken config file is reported like any other error. */
    Settings settings() {
        if (settings == null) {
            settings = Settings.load(env, system);
        }
        return settings;
    }

    /** Whether stderr is a terminal, so a progress bar makes sense. */
    boolean interactive() {
        return interactive;
    }

    /** The validation profile: the user's choice, else the one the provider's model rules name. */
    Profile profile(GlobalOptions global) {
        return explicitProfile(global).orElseGet(() -> provider(global).rules().validationProfile());
    }

    /** The provider profile of this run: --provider, the ledger job's, SORA4J_PROVIDER / config, else openai. */
    ProviderProfile provider(GlobalOptions global) {
        if (global.offline) {
            return Providers.builtIn().defaultProfile();
        }
        String name = global.provider != null
                ? global.provider
                : jobProvider != null
                        ? jobProvider
                        : settings().get(Settings.Key.PROVIDER).orElse(null);
        return name == null
                ? Providers.builtIn().defaultProfile()
                : Providers.builtIn().require(name);
    }

    /** Whether requests go to OpenAI's own endpoint (nothing configured), where the Videos API was removed. */
    boolean usesOpenAiEndpoint(GlobalOptions global) {
        return !global.offline && BaseUrls.isOpenAi(baseUrl(global));
    }

    /** The base URL requests go to (not redacted; print it through {@code Redact.baseUrl}). */
    String baseUrl(GlobalOptions global) {
        if (global.offline && (offlineUrl != null || offline != null)) {
            return offlineUrl != null ? offlineUrl : offline.baseUrl();
        }
        if (global.baseUrl != null) {
            return global.baseUrl;
        }
        return settings().get(Settings.Key.BASE_URL).orElse(BaseUrls.OPENAI);
    }

    /**
     * The client for a command on one job: a job in the ledger is addressed with the provider and
     * base URL it was created with, unless {@code --provider} or {@code --base-url} say otherwise (the
     * key still comes from the environment variable that provider names). The first call of a run decides.
     */
    SoraClient clientFor(GlobalOptions global, String videoId) {
        if (client == null && !global.offline && global.provider == null && global.baseUrl == null) {
            ledger(global).find(videoId).ifPresent(e -> {
                jobProvider = e.provider();
                // A base URL stored redacted (it held a secret) cannot be used again: the configured one applies.
                jobBaseUrl = e.baseUrl() == null || e.baseUrl().contains("***") ? null : e.baseUrl();
            });
        }
        return client(global);
    }

    /** The client for this run: the offline emulator with {@code --offline}, else the configured service. */
    SoraClient client(GlobalOptions global) {
        return client(global, SDK_RETRIES);
    }

    /**
     * The client for this run, the SDK retrying each request {@code sdkRetries} times; a command
     * with its own retry loop (create-batch) passes 0. The first call of a run decides.
     */
    SoraClient client(GlobalOptions global, int sdkRetries) {
        return client(global, sdkRetries, null);
    }

    /**
     * As above; with {@code requestsPerMinute} every paid call of the run shares one rate limit
     * that follows the server's {@code x-ratelimit-*} headers (create-batch).
     */
    SoraClient client(GlobalOptions global, int sdkRetries, Double requestsPerMinute) {
        if (client != null) {
            return client;
        }
        SoraClient.Builder b = builder(global).maxRetries(sdkRetries);
        if (requestsPerMinute != null) {
            b.requestsPerMinute(requestsPerMinute);
        }
        if (teamGate != null) {
            b.requestGate(teamGate);
        }
        if (global.offline) {
            b.baseUrl(offlineBaseUrl()).apiKey(OFFLINE_KEY);
        } else {
            if (global.baseUrl == null) {
                ConfigChecks.baseUrl(settings()).ifPresent(this::warn);
            }
            if (global.authHeader == null) {
                ConfigChecks.authHeader(settings());
            }
            b.fromSettings(settings());
            if (global.provider != null) {
                b.provider(global.provider);
            } else if (jobProvider != null) {
                b.provider(jobProvider);
            }
            if (global.baseUrl != null) {
                b.baseUrl(global.baseUrl);
            } else if (jobBaseUrl != null) {
                b.baseUrl(jobBaseUrl);
            }
            if (global.authHeader != null) {
                b.authHeader(AuthHeader.parse(global.authHeader));
            }
        }
        // The flag wins over SORA4J_PROFILE, which fromSettings applied; extension chains stay in the home.
        explicitProfile(global).ifPresent(b::profile);
        b.extensionChains(ExtensionChains.inFile(settings().home().resolve("extension-chains.json")));
        // Ids the service handed out survive a failing ledger write in the journal beside it.
        b.ledger(new LedgerJournal(ledger(global), journal(global)));
        client = b.build();
        return client;
    }

    /**
     * A client for dry runs: the same profile, prices and configuration, but no ledger, no emulator
     * and no key needed; it validates and previews and sends nothing.
     */
    SoraClient previewClient(GlobalOptions global) {
        return builder(global).extensionChains(ExtensionChains.inMemory()).buildForPreview();
    }

    /** A preview client that reads the ledger: edits, remixes and extensions estimate from their source's entry. */
    SoraClient sourcePreviewClient(GlobalOptions global) {
        return builder(global)
                .extensionChains(ExtensionChains.inMemory())
                .ledger(ledger(global))
                .buildForPreview();
    }

    private SoraClient.Builder builder(GlobalOptions global) {
        SoraClient.Builder b = SoraClient.builder()
                .clock(clock)
                .sleeper(sleeper)
                .prices(prices())
                .guardrails(guardrails());
        explicitProfile(global).ifPresent(b::profile);
        if (global.offline) {
            return b;
        }
        if (global.authHeader == null) {
            ConfigChecks.authHeader(settings()); // a bad config value is a config error (exit 4), named with its origin
        }
        b.fromSettings(settings());
        if (global.provider != null) {
            b.provider(global.provider);
        }
        if (global.baseUrl != null) {
            b.baseUrl(global.baseUrl);
        }
        return b;
    }

    /** The profile the user chose (flag, SORA4J_PROFILE or config); empty lets the provider decide. */
    Optional<Profile> explicitProfile(GlobalOptions global) {
        if (global.profile != null) {
            return Optional.of(Profile.parse(global.profile));
        }
        return settings().get(Settings.Key.PROFILE).map(v -> ConfigChecks.profile(settings()));
    }

    /**
     * The content rules for this run, built once: the shipped rules, {@code <home>/guardrails/*.txt}
     * and the files or directories the {@code guardrails} setting names (comma-separated).
     */
    Guardrails guardrails() {
        if (guardrails == null) {
            Guardrails.Builder b = Guardrails.builder()
                    .addDefaults()
                    .addDirectory(settings().home().resolve("guardrails"));
            for (String entry :
                    settings().get(Settings.Key.GUARDRAILS).orElse("").split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path = Path.of(entry.strip());
                if (Files.isDirectory(path)) {
                    b.addDirectory(path);
                } else {
                    b.addFile(path);
                }
            }
            guardrails = b.build();
        }
        return guardrails;
    }

    /** Closes this run's client so the next command (a resumed run) builds its own. */
    void resetClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /**
     * The job ledger, opened on first use: --ledger, else SORA4J_LEDGER, else ~/.sora4j/ledger.db; a
     * {@code jdbc:postgresql:} URL opens the shared PostgreSQL ledger (credentials from PGUSER,
     * PGPASSWORD or ~/.pgpass).
     */
    JdbcLedger ledger(GlobalOptions global) {
        if (ledger == null) {
            String where = ledgerSetting(global);
            String user = system.getProperty("user.name", "");
            ledger = PostgresLedger.isUrl(where)
                    ? PostgresLedger.open(where.strip(), env, clock, user)
                    : SqliteLedger.open(Path.of(where), clock, user);
            Path journal = journal(global);
            int replayed = LedgerJournal.replay(ledger, journal);
            if (replayed > 0) {
                err.println("Recorded " + replayed + " job id(s) from " + journal
                        + " that an earlier run could not write to the ledger.");
                err.flush();
            }
        }
        return ledger;
    }

    private String ledgerSetting(GlobalOptions global) {
        return global.ledger != null
                ? global.ledger
                : settings()
                        .get(Settings.Key.LEDGER)
                        .orElse(settings().home().resolve("ledger.db").toString());
    }

    /** Every paid call of this run's client will also pass {@code gate} (set before the client is built). */
    void teamGate(RequestGate gate) {
        this.teamGate = gate;
    }

    /**
     * Where this machine keeps files that belong with the ledger (its journal, the Batch API store):
     * beside a ledger file, or in the sora4j home for a database ledger.
     */
    Path ledgerDir(GlobalOptions global) {
        String where = ledgerSetting(global);
        return PostgresLedger.isUrl(where)
                ? settings().home()
                : Path.of(where).toAbsolutePath().getParent();
    }

    private Path journal(GlobalOptions global) {
        String where = ledgerSetting(global);
        return PostgresLedger.isUrl(where)
                ? settings().home().resolve("ledger.journal")
                : LedgerJournal.beside(Path.of(where).toAbsolutePath());
    }

    PriceTable prices() {
        Map<String, String> entries = settings().fileEntries("price.");
        ConfigChecks.prices(settings(), entries);
        return PriceTable.defaults().withOverrides(entries);
    }

    Path offlineStateDir() {
        return settings().home().resolve("emulator");
    }

    /** The base URL of the offline emulator: found or started in the background, or started here (tests). */
    private String offlineBaseUrl() {
        if (offlineUrl != null) {
            return offlineUrl;
        }
        Path state = offlineStateDir();
        if (offline != null) {
            offlineUrl = offline.baseUrl();
        } else if (backgroundOffline) {
            OfflineDaemon.Connection daemon = offlineDaemon().connect();
            offlineUrl = daemon.info().baseUrl();
            if (daemon.started()) {
                err.println(
                        "Started the background emulator (pid " + daemon.info().pid() + "); it stops after "
                                + daemon.info().idleTimeout().toSeconds()
                                + " s without requests, or with `sora emulator stop`.");
            }
        } else {
            offline = Emulator.start(EmulatorConfig.defaults(state).withRenderMode(offlineRenderMode()), 0);
            offlineUrl = offline.baseUrl();
        }
        err.println("Offline: using the local sora4j emulator (state in " + state
                + "). Its videos are synthetic test renders, not AI generations.");
        err.flush();
        return offlineUrl;
    }

    /**
     * The background emulator of this data directory, with this run's render mode and idle timeout
     * ({@value IdleTimeout#VARIABLE}, environment or system property).
     */
    OfflineDaemon offlineDaemon() {
        String mode = offlineRenderMode().name().toLowerCase(Locale.ROOT);
        String idleValue = system.getProperty(IdleTimeout.VARIABLE, env.get(IdleTimeout.VARIABLE));
        Duration idle = IdleTimeout.parse(idleValue);
        return new OfflineDaemon(
                new DaemonFiles(offlineStateDir()),
                mode,
                idle,
                Map.of(RENDER_KNOB, mode, IdleTimeout.VARIABLE, Long.toString(idle.toSeconds())));
    }

    /**
     * {@code SORA4J_EMULATOR_RENDER=fast} (environment or system property): the offline emulator
     * copies one cached clip per size and length instead of encoding each job. A test and CI knob
     * (the docs tests run every documented command with it); any other value keeps real renders.
     * {@code sora emulator} reads it too.
     */
    RenderMode offlineRenderMode() {
        String value = system.getProperty(RENDER_KNOB, env.get(RENDER_KNOB));
        return "fast".equalsIgnoreCase(value == null ? "" : value.strip()) ? RenderMode.FAST : RenderMode.FFMPEG;
    }

    /**
     * Serve {@code --offline} from an emulator the caller started and closes (tests that run many
     * commands on one manual clock); this context never closes it.
     */
    void useOfflineEmulator(Emulator shared) {
        offline = shared;
        ownsOffline = false;
    }

    private void warn(String line) {
        err.println("Warning: " + line);
        err.flush();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (ledger != null) {
            ledger.close();
        }
        if (offline != null && ownsOffline) {
            // Finish renders started by this process, so the next command finds the media ready.
            int pending = offline.pendingRenders();
            if (pending > 0) {
                err.println("Finishing " + pending + " render(s) in the local emulator...");
                err.flush();
                offline.awaitRenders(Duration.ofMinutes(5));
            }
            offline.close();
        }
    }
}
