package dev.sora4j.providers;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@link Feature}s a provider supports. A feature not listed is {@link Support#yes()}, so a
 * profile spells out only its differences from OpenAI's protocol.
 *
 * @param differences the features whose support is not a plain yes
 */
public record Capabilities(Map<Feature, Support> differences) {
    /**
     * Copies {@code differences} into an unmodifiable map.
     *
     * @param differences the features whose support is not a plain yes
     */
    public Capabilities {
        EnumMap<Feature, Support> copy = new EnumMap<>(Feature.class);
        copy.putAll(differences);
        differences = Collections.unmodifiableMap(copy);
    }

    /**
     * Capabilities with every feature supported (no differences).
     *
     * @return capabilities with an empty difference map
     */
    public static Capabilities all() {
        return new Capabilities(Map.of());
    }

    /**
     * A copy with one feature's support replaced.
     *
     * @param feature the feature to set
     * @param support its new support
     * @return new capabilities; this one is unchanged
     */
    public Capabilities with(Feature feature, Support support) {
        EnumMap<Feature, Support> copy = new EnumMap<>(Feature.class);
        copy.putAll(differences);
        copy.put(feature, support);
        return new Capabilities(copy);
    }

    /**
     * The support for one feature.
     *
     * @param feature the feature to look up
     * @return its listed support, or {@link Support#yes()} when not listed
     */
    public Support get(Feature feature) {
        return differences.getOrDefault(feature, Support.yes());
    }

    /**
     * Every feature in table order, unlisted ones as supported.
     *
     * @return an unmodifiable map with one entry per {@link Feature}
     */
    public Map<Feature, Support> table() {
        EnumMap<Feature, Support> t = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            t.put(f, get(f));
        }
        return Collections.unmodifiableMap(t);
    }

    /**
     * The one-line refusal for an unsupported feature, naming the provider and the alternative;
     * empty when the feature can be used.
     *
     * @param providerName the provider's name, for the message
     * @param feature the feature the user asked for
     * @return the refusal message, or empty when the feature is usable
     */
    public Optional<String> refusal(String providerName, Feature feature) {
        Support s = get(feature);
        if (s.usable()) {
            return Optional.empty();
        }
        return Optional.of("provider " + providerName + " does not support " + feature.label() + ": " + s.note());
    }
}
