package dev.sora4j.cli;

import dev.sora4j.providers.Feature;
import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import dev.sora4j.providers.Support;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora providers}: the provider profiles, their settings and the capability table. Sends nothing. */
@Command(
        name = "providers",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "List the provider profiles (servers that speak the Videos API) and what each supports:",
            "a capability table (rows = commands and features, columns = providers), then each",
            "provider's base URL, credential header, key variable and notes. Sends no request.",
            "",
            "yes = supported; yes¹ = supported with a caveat (see the provider's notes); unverified = sent",
            "and checked; derived = the server has no such asset (its download is refused; deriving it",
            "from the MP4 is planned); no = refused before sending (exit 2), with the alternative in the notes.",
            "",
            "Examples:",
            "  sora providers",
            "  sora providers vllm-omni",
            "  sora providers --json"
        })
final class ProvidersCommand extends BaseCommand {
    @Parameters(
            arity = "0..1",
            paramLabel = "NAME",
            description = "Show only this provider (e.g. litellm, vllm-omni, azure).")
    String name;

    @Option(names = "--json", description = "Print JSON (every profile, or NAME's) instead of tables.")
    boolean json;

    @Override
    int execute() {
        Providers registry = Providers.builtIn();
        List<ProviderProfile> shown = name == null ? registry.all() : List.of(registry.require(name));
        if (json) {
            printValue(shown.stream().map(ProvidersCommand::wire).toList());
            return ExitCodes.OK;
        }
        printTable(shown);
        for (ProviderProfile p : shown) {
            out().println();
            printProfile(p);
        }
        out().flush();
        return ExitCodes.OK;
    }

    private void printTable(List<ProviderProfile> shown) {
        int first = 0;
        for (Feature f : Feature.values()) {
            first = Math.max(first, f.label().length());
        }
        List<Integer> widths = new ArrayList<>();
        StringBuilder header = new StringBuilder(pad("COMMAND / FEATURE", first));
        for (ProviderProfile p : shown) {
            int w = Math.max(p.name().length(), "unverified".length());
            widths.add(w);
            header.append("  ").append(pad(p.name(), w));
        }
        out().println(header.toString().stripTrailing());
        for (Feature f : Feature.values()) {
            StringBuilder row = new StringBuilder(pad(f.label(), first));
            for (int i = 0; i < shown.size(); i++) {
                row.append("  ").append(pad(cell(shown.get(i).capabilities().get(f)), widths.get(i)));
            }
            out().println(row.toString().stripTrailing());
        }
    }

    private void printProfile(ProviderProfile p) {
        out().println(p.name() + " - " + p.displayName());
        String base = p.endpoint().baseUrlRequired()
                ? "none; set --base-url, e.g. " + p.endpoint().example()
                : p.endpoint().defaultBaseUrl();
        out().println("  base URL:     " + base + " (routes under "
                + p.endpoint().pathPrefix() + ")");
        out().println("  credential:   " + p.auth().scheme().header()
                + (p.auth().scheme().header().equals("Authorization") ? ": Bearer <key>" : ": <key>")
                + (p.auth().note().isEmpty() ? "" : "; " + p.auth().note()));
        out().println("  key variable: " + String.join(" or ", p.auth().envVars()) + " ("
                + p.auth().need().name().toLowerCase(Locale.ROOT) + ")");
        out().println("  model:        " + p.modelExample());
        for (String note : p.notes()) {
            out().println("  note:         " + note);
        }
        for (Map.Entry<Feature, Support> e : p.capabilities().table().entrySet()) {
            Support s = e.getValue();
            if (!s.note().isEmpty()) {
                out().println("  " + e.getKey().label() + " (" + cell(s) + "): " + s.note());
            }
        }
    }

    /** The table cell: {@code yes¹} marks a caveat in the provider's notes. */
    private static String cell(Support s) {
        return switch (s.level()) {
            case SUPPORTED -> s.note().isEmpty() ? "yes" : "yes¹";
            case UNVERIFIED -> "unverified";
            case DERIVED -> "derived";
            case UNSUPPORTED -> "no";
        };
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static Map<String, Object> wire(ProviderProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("display_name", p.displayName());
        m.put("default_base_url", p.endpoint().defaultBaseUrl());
        m.put("base_url_example", p.endpoint().example());
        m.put("path_prefix", p.endpoint().pathPrefix());
        m.put("auth_header", p.auth().scheme().header());
        m.put("auth_scheme", p.auth().scheme().name().toLowerCase(Locale.ROOT));
        m.put("key_env_vars", p.auth().envVars());
        m.put("key_needed", p.auth().need().name().toLowerCase(Locale.ROOT));
        m.put("auth_note", p.auth().note());
        m.put("model_example", p.modelExample());
        m.put("create_status", p.createStatus().stream().sorted().toList());
        m.put("max_running_jobs", p.maxRunningJobs());
        m.put("notes", p.notes());
        Map<String, Object> caps = new LinkedHashMap<>();
        p.capabilities().table().forEach((f, s) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("support", s.level().name().toLowerCase(Locale.ROOT));
            c.put("note", s.note());
            caps.put(f.label(), c);
        });
        m.put("capabilities", caps);
        return m;
    }
}
