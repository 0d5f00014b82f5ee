package dev.sora4j.cli;

import dev.sora4j.config.Redact;
import dev.sora4j.config.Settings;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import dev.sora4j.providers.doctor.DialectGuess;
import dev.sora4j.providers.doctor.DoctorReport;
import dev.sora4j.providers.doctor.EndpointDoctor;
import dev.sora4j.providers.doctor.EndpointProbe;
import dev.sora4j.providers.doctor.ProbeResult;
import dev.sora4j.providers.response.ApiError;
import dev.sora4j.providers.response.ErrorEnvelopes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sora doctor}: probes the configured endpoint with GET requests only (never a paid job) and
 * prints what answered, the dialect it speaks and what to set. The probing and guessing live in
 * {@link EndpointDoctor}; this class only formats.
 */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Probe an endpoint with GET requests only (never creates, changes or deletes a job): is it",
            "reachable, is the key accepted, which routes answer (GET videos, videos/<unknown id>,",
            "videos/models, models), and which provider's dialect it speaks. Prints the guess with its",
            "reasons and the settings to use. The key comes from the configured provider's variable",
            "(OPENAI_API_KEY for the default openai; see `sora providers`) and is never printed.",
            "",
            "Exit codes: 0 reachable and the key accepted; 3 not reachable; 4 the key was refused (401/403)",
            "or is missing; 2 invalid input.",
            "",
            "Examples:",
            "  sora doctor --base-url http://localhost:4000/v1",
            "  sora --provider azure doctor --base-url https://myres.openai.azure.com/openai/v1",
            "  sora doctor --base-url http://gpu:8091/v1 --json"
        })
final class DoctorCommand extends BaseCommand {
    @Option(names = "--json", description = "Print the findings as JSON.")
    boolean json;

    @Option(
            names = "--probe-timeout",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "Longest wait for each probe (default 10).")
    int probeTimeout;

    @Override
    int execute() {
        if (global().offline) {
            throw new InvalidRequestException(
                    null, "--offline has no endpoint to examine; pass --base-url URL (e.g. `sora emulator`'s URL)");
        }
        if (probeTimeout < 1 || probeTimeout > 300) {
            throw new InvalidRequestException(null, "--probe-timeout must be 1..300 seconds, got " + probeTimeout);
        }
        Providers registry = Providers.builtIn();
        ProviderProfile configured = configuredProvider(registry);
        String baseUrl =
                configured.endpoint().resolve(explicitBaseUrl(configured)).orElse(null);
        if (baseUrl == null) {
            throw new InvalidRequestException(
                    null,
                    "provider " + configured.name() + " has no default base URL; pass --base-url URL (e.g. "
                            + configured.endpoint().example() + ")");
        }
        DoctorReport report = new EndpointDoctor(registry, new EndpointProbe(Duration.ofSeconds(probeTimeout)))
                .examine(baseUrl, configured, context().env());
        String shown = Redact.baseUrl(baseUrl);
        if (json) {
            printValue(wire(report, shown));
        } else {
            print(report, shown);
        }
        return switch (report.verdict()) {
            case OK -> ExitCodes.OK;
            case AUTH -> ExitCodes.CONFIG;
            case UNREACHABLE -> ExitCodes.API_ERROR;
        };
    }

    /**
     * {@code --base-url}, else {@code provider.NAME.base-url}, else {@code base-url} (OPENAI_BASE_URL);
     * null for the provider's default. The same order as the client's.
     */
    private String explicitBaseUrl(ProviderProfile provider) {
        if (global().baseUrl != null) {
            return global().baseUrl;
        }
        Settings settings = context().settings();
        return settings.providerEntry(provider.name(), "base-url")
                .or(() -> settings.get(Settings.Key.BASE_URL))
                .orElse(null);
    }

    /** {@code --provider}, else the {@code provider} setting (SORA4J_PROVIDER, config file), else openai. */
    private ProviderProfile configuredProvider(Providers registry) {
        if (global().provider != null) {
            return registry.require(global().provider);
        }
        return context()
                .settings()
                .get(Settings.Key.PROVIDER)
                .map(registry::require)
                .orElse(registry.defaultProfile());
    }

    private void print(DoctorReport r, String shown) {
        out().println("Endpoint:  " + shown
                + (r.reachable() ? " (reachable)" : " (NOT reachable: " + r.unreachableReason() + ")"));
        String key = r.keyVariable()
                .map(v -> v + " is set; sent as " + DoctorReport.headerForm(r.configured())
                        + (r.authRefused() ? " and REFUSED" : ""))
                .orElse("no key: none of "
                        + String.join(", ", r.configured().auth().envVars()) + " is set"
                        + (r.authRefused() ? " and the server wants one" : ""));
        out().println("Key:       " + key + " (provider " + r.configured().name() + ")");
        out().println("Probes:");
        for (ProbeResult p : r.results()) {
            out().printf(Locale.ROOT, "  GET %-42s %s%n", p.probe().path(), describe(p));
        }
        DialectGuess g = r.guess();
        out().println("Dialect:   "
                + g.provider().map(p -> p.name() + " (" + p.displayName() + ")").orElse("unknown")
                + ", confidence " + g.confidence().name().toLowerCase(Locale.ROOT)
                + (g.alternatives().isEmpty() ? "" : "; close: " + String.join(", ", g.alternatives())));
        for (String reason : g.reasons()) {
            out().println("  - " + reason);
        }
        out().println("Set:");
        for (String line : r.whatToSet(shown)) {
            out().println("  " + line);
        }
        out().flush();
        if (r.verdict() == DoctorReport.Verdict.AUTH) {
            info("Error: the server refused the probes (401/403); set "
                    + String.join(" or ", r.suggested().auth().envVars()) + " to a valid key.");
        } else if (r.verdict() == DoctorReport.Verdict.UNREACHABLE) {
            info("Error: " + shown + " did not answer (" + r.unreachableReason()
                    + "); check --base-url and that the server runs.");
        }
    }

    private static String describe(ProbeResult p) {
        if (!p.answered()) {
            return "no answer: " + p.failure();
        }
        int status = p.observation().status();
        if (status < 400) {
            return status + " (" + p.millis() + " ms)";
        }
        ApiError e = ErrorEnvelopes.parse(status, p.observation().body());
        return status + " " + e.shape().name().toLowerCase(Locale.ROOT) + " envelope: " + e.message();
    }

    private static Map<String, Object> wire(DoctorReport r, String shown) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("base_url", shown);
        m.put("reachable", r.reachable());
        m.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        m.put("configured_provider", r.configured().name());
        m.put("key_variable", r.keyVariable().orElse(null));
        m.put("key_sent_as", r.keyVariable().isPresent() ? r.credentialHeader() : null);
        m.put("auth_refused", r.authRefused());
        List<Map<String, Object>> probes = r.results().stream()
                .map(p -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("method", p.probe().method());
                    o.put("path", p.probe().path());
                    o.put("purpose", p.probe().purpose());
                    o.put("status", p.answered() ? p.observation().status() : null);
                    o.put("failure", p.failure().isEmpty() ? null : p.failure());
                    if (p.answered() && p.observation().status() >= 400) {
                        ApiError e = ErrorEnvelopes.parse(
                                p.observation().status(), p.observation().body());
                        o.put("error_shape", e.shape().name().toLowerCase(Locale.ROOT));
                        o.put("error_message", e.message());
                    }
                    o.put("millis", p.millis());
                    return o;
                })
                .toList();
        m.put("probes", probes);
        DialectGuess g = r.guess();
        Map<String, Object> guess = new LinkedHashMap<>();
        guess.put("provider", g.provider().map(ProviderProfile::name).orElse(null));
        guess.put("confidence", g.confidence().name().toLowerCase(Locale.ROOT));
        guess.put("reasons", g.reasons());
        guess.put("alternatives", g.alternatives());
        m.put("guess", guess);
        m.put("set", r.whatToSet(shown));
        return m;
    }
}
