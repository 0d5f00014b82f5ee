package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.config.BaseUrls;
import dev.sora4j.config.Settings;
import dev.sora4j.emulator.Emulator;
import dev.sora4j.emulator.config.EmulatorConfig;
import dev.sora4j.guard.Guardrails;
import dev.sora4j.ledger.LedgerJournal;
import dev.sora4j.ledger.SqliteLedger;
import dev.sora4j.options.AuthHeader;
import dev.sora4j.options.ExtensionChains;
import dev.sora4j.options.Sleeper;
import dev.sora4j.rules.PriceTable;
import dev.sora4j.rules.Profile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Everything one run of {@code sora} works with: its writers, its environment, and the client
 * and offline emulator it starts lazily. Nothing here is static, so tests run commands side by side.
 */
final class CliContext implements AutoCloseable {
    static final String OFFLINE_KEY = "sora4j-offline";
    static final int SDK_RETRIES = 2;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final Properties system;
    private Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean interactive;
    private SoraClient client;
    private Emulator offline;
    private SqliteLedger ledger;
    private Guardrails guardrails;

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
        return new CliContext(
                out,
                err,
                System.getenv(),
                System.getProperties(),
                Clock.systemUTC(),
                Sleeper.system(),
                System.console() != null);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
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

    Profile profile(GlobalOptions global) {
        if (global.profile != null) {
            return Profile.parse(global.profile);
        }
        return ConfigChecks.profile(settings());
    }

    /** Whether requests go to OpenAI's own endpoint (nothing configured), where the Videos API was removed. */
    boolean usesOpenAiEndpoint(GlobalOptions global) {
        return !global.offline && BaseUrls.isOpenAi(baseUrl(global));
    }

    /** The base URL requests go to (not redacted; print it through {@code Redact.baseUrl}). */
    String baseUrl(GlobalOptions global) {
        if (offline != null) {
            return offline.baseUrl();
        }
        if (global.baseUrl != null) {
            return global.baseUrl;
        }
        return settings().get(Settings.Key.BASE_URL).orElse(BaseUrls.OPENAI);
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
        if (global.offline) {
            Emulator emulator = offlineEmulator();
            b.baseUrl(emulator.baseUrl()).apiKey(OFFLINE_KEY);
        } else {
            if (global.baseUrl == null) {
                ConfigChecks.baseUrl(settings()).ifPresent(this::warn);
            }
            if (global.authHeader == null) {
                ConfigChecks.authHeader(settings());
            }
            b.fromSettings(settings());
            if (global.baseUrl != null) {
                b.baseUrl(global.baseUrl);
            }
            if (global.authHeader != null) {
                b.authHeader(AuthHeader.parse(global.authHeader));
            }
        }
        // The flag wins over SORA4J_PROFILE, which fromSettings applied; extension chains stay in the home.
        b.profile(profile(global))
                .extensionChains(ExtensionChains.inFile(settings().home().resolve("extension-chains.json")));
        // Ids the service handed out survive a failing ledger write in the journal beside it.
        SqliteLedger recorded = ledger(global);
        b.ledger(new LedgerJournal(recorded, LedgerJournal.beside(recorded.file())));
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

    private SoraClient.Builder builder(GlobalOptions global) {
        return SoraClient.builder()
                .clock(clock)
                .sleeper(sleeper)
                .profile(profile(global))
                .prices(prices())
                .guardrails(guardrails());
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

    /** The job ledger, opened on first use: --ledger, else SORA4J_LEDGER, else ~/.sora4j/ledger.db. */
    SqliteLedger ledger(GlobalOptions global) {
        if (ledger == null) {
            Path path = global.ledger != null
                    ? global.ledger
                    : settings()
                            .get(Settings.Key.LEDGER)
                            .map(Path::of)
                            .orElse(settings().home().resolve("ledger.db"));
            ledger = SqliteLedger.open(path, clock);
            int replayed = LedgerJournal.replay(ledger, LedgerJournal.beside(ledger.file()));
            if (replayed > 0) {
                err.println("Recorded " + replayed + " job id(s) from " + LedgerJournal.beside(ledger.file())
                        + " that an earlier run could not write to the ledger.");
                err.flush();
            }
        }
        return ledger;
    }

    PriceTable prices() {
        Map<String, String> entries = settings().fileEntries("price.");
        ConfigChecks.prices(settings(), entries);
        return PriceTable.defaults().withOverrides(entries);
    }

    Path offlineStateDir() {
        return settings().home().resolve("emulator");
    }

    private Emulator offlineEmulator() {
        if (offline == null) {
            Path state = offlineStateDir();
            offline = Emulator.start(EmulatorConfig.defaults(state), 0);
            err.println("Offline: using the local sora4j emulator (state in " + state
                    + "). Its videos are synthetic test renders, not AI generations.");
            err.flush();
        }
        return offline;
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
        if (offline != null) {
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
