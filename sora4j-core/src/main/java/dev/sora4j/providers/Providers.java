package dev.sora4j.providers;

import dev.sora4j.errors.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The provider profiles by name: lookup for {@code --provider}, the list for {@code sora providers}.
 * Immutable; {@link #with} returns a registry with one more (or a replaced) profile.
 */
public final class Providers {
    /** The provider used when none is configured. */
    public static final String DEFAULT = "openai";

    /** Other spellings people type, mapped to the profile name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("vllm", "vllm-omni"),
            Map.entry("vllmomni", "vllm-omni"),
            Map.entry("trt-llm", "trtllm"),
            Map.entry("tensorrt-llm", "trtllm"),
            Map.entry("trtllm-serve", "trtllm"),
            Map.entry("azure-openai", "azure"),
            Map.entry("newapi", "new-api"),
            Map.entry("sglang-diffusion", "sglang"));

    private final Map<String, ProviderProfile> byName;

    private Providers(Map<String, ProviderProfile> byName) {
        this.byName = byName;
    }

    /**
     * The built-in profiles: openai, azure, litellm, vllm-omni, sglang, trtllm, openrouter, new-api.
     *
     * @return a registry holding the built-in profiles
     */
    public static Providers builtIn() {
        Map<String, ProviderProfile> m = new LinkedHashMap<>();
        BuiltInProfiles.all().forEach(p -> m.put(p.name(), p));
        return new Providers(m);
    }

    /**
     * A registry with {@code profile} added, replacing a profile of the same name.
     *
     * @param profile the profile to add
     * @return a new registry; this one is unchanged
     */
    public Providers with(ProviderProfile profile) {
        Map<String, ProviderProfile> m = new LinkedHashMap<>(byName);
        m.put(normalize(profile.name()), profile);
        return new Providers(m);
    }

    /**
     * Every profile, in table order.
     *
     * @return an unmodifiable list of the profiles
     */
    public List<ProviderProfile> all() {
        return List.copyOf(byName.values());
    }

    /**
     * The profile used when none is configured.
     *
     * @return the {@value #DEFAULT} profile, or null if this registry lacks it
     */
    public ProviderProfile defaultProfile() {
        return byName.get(DEFAULT);
    }

    /**
     * The profile with a name. Case-insensitive; {@code _} and {@code -} are the same; common aliases
     * ({@code vllm}, {@code tensorrt-llm}) work.
     *
     * @param name the provider name as the user typed it, may be null
     * @return the profile, or empty when the name is null or unknown
     */
    public Optional<ProviderProfile> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = normalize(name);
        return Optional.ofNullable(byName.getOrDefault(n, byName.get(ALIASES.getOrDefault(n, ""))));
    }

    /**
     * The profile, or an {@link InvalidRequestException} naming the input, the closest known name
     * and every name (exit 2).
     *
     * @param name the provider name as the user typed it
     * @return the profile
     * @throws InvalidRequestException when no profile has that name or alias
     */
    public ProviderProfile require(String name) {
        return find(name)
                .orElseThrow(() -> new InvalidRequestException(
                        "provider",
                        "provider '" + name + "' is not known"
                                + suggestion(name)
                                        .map(s -> "; did you mean " + s + "?")
                                        .orElse("") + " Known providers: " + String.join(", ", byName.keySet())));
    }

    /**
     * The closest known name within two edits (or a name that starts with the input), if any.
     *
     * @param name the unknown name the user typed, may be null
     * @return the profile name to suggest, or empty when none is close
     */
    public Optional<String> suggestion(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = normalize(name);
        List<String> candidates = new ArrayList<>(byName.keySet());
        candidates.addAll(ALIASES.keySet());
        return candidates.stream()
                .filter(c -> c.startsWith(n) || distance(c, n) <= 2)
                .min(Comparator.comparingInt((String c) -> distance(c, n)))
                .map(c -> ALIASES.getOrDefault(c, c));
    }

    private static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
