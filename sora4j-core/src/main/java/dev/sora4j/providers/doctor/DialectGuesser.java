package dev.sora4j.providers.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sora4j.providers.IdPolicy;
import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import dev.sora4j.providers.response.ApiError;
import dev.sora4j.providers.response.ErrorEnvelopes;
import dev.sora4j.providers.response.ErrorShape;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Guesses an endpoint's dialect from {@link ProbePlan} answers. Each signal from providers.md adds
 * points to the providers it points at; the reasons say which signal did what. Pure: the caller
 * sends the probes and passes what came back.
 */
public final class DialectGuesser {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int STRONG = 6;

    private final Providers providers;

    /**
     * A guesser choosing among the given profiles.
     *
     * @param providers the profiles that may be guessed
     */
    public DialectGuesser(Providers providers) {
        this.providers = providers;
    }

    /**
     * Scores every signal in the base URL and the probe answers and names the best-scoring provider.
     *
     * @param baseUrl the configured base URL (its host and path are signals too)
     * @param observations the answers to the probes, by path as in {@link ProbePlan}
     * @param createStatus the status of a create this endpoint answered before (from the ledger), if known
     * @return the guess with its confidence, reasons and close alternatives
     */
    public DialectGuess guess(String baseUrl, List<Observation> observations, OptionalInt createStatus) {
        Scores s = new Scores();
        baseUrl(baseUrl, s);
        for (Observation o : observations) {
            if (o.headers().keySet().stream().anyMatch(h -> h.startsWith("x-litellm-"))) {
                s.add("litellm", STRONG, "x-litellm-* response headers on " + o.path());
            }
            if (o.status() == 401 && ErrorEnvelopes.parse(401, o.body()).shape() == ErrorShape.STRING) {
                s.add("vllm-omni", 4, "401 {\"error\":\"Unauthorized\"} is vLLM's API-key middleware");
            }
            if (o.status() == 401 && pythonNoneParam(o.body())) {
                // providers.md §1: LiteLLM's auth errors carry param "None" and code as strings (Python's str(None)).
                s.add("litellm", STRONG, "a 401 error has param \"None\" and a string code (LiteLLM's auth error)");
            }
        }
        find(observations, ProbePlan.LIST).ifPresent(o -> list(o, s));
        find(observations, ProbePlan.MISSING_JOB).ifPresent(o -> missingJob(o, s));
        Optional<Observation> models = find(observations, ProbePlan.VIDEO_MODELS);
        boolean catalogue = models.isPresent() && isVideoCatalogue(models.get());
        if (catalogue) {
            s.add(
                    "openrouter",
                    STRONG,
                    "GET videos/models lists models with supported_* fields (OpenRouter's catalogue)");
        }
        boolean noList = find(observations, ProbePlan.LIST)
                .map(o -> o.status() == 404 || o.status() == 405)
                .orElse(false);
        if (noList && !catalogue) {
            s.add("new-api", 2, "no list route and no video model catalogue");
        }
        if (createStatus.isPresent() && createStatus.getAsInt() == 202) {
            s.add("trtllm", 2, "creates answered 202");
            s.add("openrouter", 2, "creates answered 202");
        }
        return s.verdict(providers);
    }

    private static void baseUrl(String baseUrl, Scores s) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            return;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (host.endsWith(".openai.azure.com")
                || host.endsWith(".cognitiveservices.azure.com")
                || host.endsWith(".services.ai.azure.com")) {
            s.add("azure", STRONG, "the host is an Azure OpenAI resource");
        } else if (path.endsWith("/openai/v1") || path.endsWith("/openai/v1/")) {
            s.add("azure", 3, "the base path is /openai/v1 (Azure's)");
        }
        if (host.equals("openrouter.ai")) {
            s.add("openrouter", STRONG, "the host is openrouter.ai");
        } else if (path.endsWith("/api/v1") || path.endsWith("/api/v1/")) {
            s.add("openrouter", 2, "the base path is /api/v1 (OpenRouter's)");
        }
        if (host.equals("api.openai.com")) {
            s.add("openai", STRONG, "the host is api.openai.com");
        }
    }

    private void list(Observation o, Scores s) {
        if (o.status() == 404 || o.status() == 405) {
            s.add("openrouter", 2, "no list route (GET videos answered " + o.status() + ")");
            s.add("new-api", 2, "no list route (GET videos answered " + o.status() + ")");
            return;
        }
        JsonNode page = read(o.body());
        if (o.status() != 200 || page == null || !page.path("data").isArray()) {
            return;
        }
        if (page.has("has_more")) {
            for (String p : List.of("openai", "azure", "litellm", "vllm-omni")) {
                s.add(p, 1, "the list page has cursors (has_more)");
            }
        } else {
            s.add("sglang", 2, "the list page has data but no cursors");
            s.add("trtllm", 2, "the list page has data but no cursors");
        }
        for (JsonNode item : page.path("data")) {
            String id = item.path("id").asText("");
            if (IdPolicy.liteLlmBackendId(id).isPresent()) {
                s.add("litellm", STRONG, "a listed id decodes to litellm:custom_llm_provider:...");
                continue;
            }
            for (ProviderProfile p : providers.all()) {
                if (p.ids().matches(id)) {
                    s.add(
                            p.name(),
                            3,
                            "a listed id looks like " + p.displayName() + "'s ("
                                    + p.ids().description() + ")");
                }
            }
        }
    }

    private static void missingJob(Observation o, Scores s) {
        if (o.status() < 400) {
            return;
        }
        ApiError e = ErrorEnvelopes.parse(o.status(), o.body());
        JsonNode body = read(o.body());
        JsonNode error = body == null ? null : body.path("error");
        switch (e.shape()) {
            case FLAT -> s.add("trtllm", 4, "errors are flat {\"object\":\"error\",...} (TRT-LLM)");
            case DETAIL -> {
                if (!e.message().equals("Not Found")) {
                    s.add(
                            "sglang",
                            3,
                            "an unknown job answers FastAPI's {\"detail\": \"" + e.message() + "\"} (SGLang)");
                }
            }
            case OPENAI -> {
                if (e.message().startsWith("litellm.")) {
                    s.add("litellm", 4, "error messages start with litellm.");
                } else if (error != null
                        && error.path("code").isInt()
                        && e.type() != null
                        && e.type().contains(" ")) {
                    s.add("vllm-omni", 4, "errors carry an HTTP reason phrase as type and an int code (vLLM)");
                } else if (error != null && !error.has("code") && !error.has("param")) {
                    s.add("new-api", 1, "the error envelope has message and type only");
                } else if ("invalid_request_error".equals(e.type())) {
                    s.add("openai", 2, "an unknown job answers OpenAI's invalid_request_error");
                } else if (e.type() != null && e.type().startsWith("video_generation")) {
                    s.add("azure", 3, "errors use Azure's video_generation_* types");
                }
            }
            case CODE_MESSAGE -> {
                if (error != null && error.path("code").isInt()) {
                    s.add("openrouter", 2, "errors are {\"error\":{\"code\":<int>,\"message\"}} (OpenRouter)");
                } else {
                    s.add("azure", 2, "errors are {\"error\":{\"code\":\"<string>\",\"message\"}} (Azure's gateway)");
                }
            }
            default -> {
                // TEXT, EMPTY, STRING, JOB: no dialect signal
            }
        }
    }

    private static boolean pythonNoneParam(String body) {
        JsonNode n = read(body);
        JsonNode error = n == null ? null : n.path("error");
        return error != null
                && error.isObject()
                && "None".equals(error.path("param").asText(null))
                && error.path("code").isTextual();
    }

    private static boolean isVideoCatalogue(Observation o) {
        JsonNode n = read(o.body());
        if (o.status() != 200 || n == null) {
            return false;
        }
        for (JsonNode item : n.path("data")) {
            var names = item.fieldNames();
            while (names.hasNext()) {
                if (names.next().startsWith("supported_")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<Observation> find(List<Observation> observations, String path) {
        return observations.stream()
                .filter(o -> o.path().equals(path) && o.answered())
                .findFirst();
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Points and reasons per provider name. */
    private static final class Scores {
        private final Map<String, Integer> points = new LinkedHashMap<>();
        private final Map<String, List<String>> reasons = new LinkedHashMap<>();

        void add(String provider, int score, String reason) {
            points.merge(provider, score, Integer::sum);
            List<String> r = reasons.computeIfAbsent(provider, k -> new ArrayList<>());
            if (!r.contains(reason)) {
                r.add(reason);
            }
        }

        DialectGuess verdict(Providers providers) {
            List<Map.Entry<String, Integer>> ranked = points.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .toList();
            if (ranked.isEmpty()) {
                return new DialectGuess(
                        Optional.empty(),
                        DialectGuess.Confidence.NONE,
                        List.of("no answer matched a known server's signature"),
                        List.of());
            }
            String best = ranked.get(0).getKey();
            int top = ranked.get(0).getValue();
            int second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
            int margin = top - second;
            DialectGuess.Confidence c = top >= STRONG && margin >= 3
                    ? DialectGuess.Confidence.HIGH
                    : top >= 3 && margin >= 2 ? DialectGuess.Confidence.MEDIUM : DialectGuess.Confidence.LOW;
            List<String> close = ranked.stream()
                    .skip(1)
                    .filter(e -> top - e.getValue() <= 2)
                    .map(Map.Entry::getKey)
                    .toList();
            return new DialectGuess(providers.find(best), c, reasons.get(best), close);
        }
    }
}
