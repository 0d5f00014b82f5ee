package dev.sora4j.rules;

import dev.sora4j.errors.ConfigException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a generated second costs, by model and size, for estimates (never for billing). Defaults as
 * published by OpenAI before the shutdown (videos-api.md §9, checked 2026-09-19): sora-2 $0.10/s;
 * sora-2-pro $0.30/s at 720p, $0.50/s at 1024x1792/1792x1024, $0.70/s at 1080p. Override per model
 * or per model and size in {@code config.properties}: {@code price.sora-2-pro=0.4},
 * {@code price.sora-2-pro.1920x1080=0.8}.
 */
public final class PriceTable {
    /** Where the default prices come from, for output next to estimates. */
    public static final String SOURCE = "OpenAI price list as of 2026-09-19 (videos-api.md section 9)";

    private final Map<String, Double> perSecond;

    private PriceTable(Map<String, Double> perSecond) {
        this.perSecond = Map.copyOf(perSecond);
    }

    /**
     * What every line gets unless it says otherwise.
     *
     * @return OpenAI's published prices
     */
    public static PriceTable defaults() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("sora-2", 0.10);
        p.put("sora-2-pro", 0.30);
        p.put("sora-2-pro.1024x1792", 0.50);
        p.put("sora-2-pro.1792x1024", 0.50);
        p.put("sora-2-pro.1080x1920", 0.70);
        p.put("sora-2-pro.1920x1080", 0.70);
        return new PriceTable(p);
    }

    /**
     * This table with {@code price.<model>[.<WxH>]=USD} entries applied; other keys are ignored.
     *
     * @param properties config entries; {@code price.*} keys are read
     * @return the with overrides
     * @throws ConfigException when a price is not a number
     */
    public PriceTable withOverrides(Map<String, String> properties) {
        Map<String, Double> p = new LinkedHashMap<>(perSecond);
        properties.forEach((k, v) -> {
            if (k.startsWith("price.")) {
                try {
                    p.put(k.substring(6).toLowerCase(Locale.ROOT), Double.parseDouble(v.strip()));
                } catch (NumberFormatException e) {
                    throw new ConfigException(
                            "config " + k + "=" + v + ": the price must be a number of USD per second");
                }
            }
        });
        return new PriceTable(p);
    }

    /**
     * USD per generated second, if known. Dated snapshots price as their family.
     *
     * @param model the model
     * @param size its size in bytes
     * @return the per second
     */
    public Optional<Double> perSecond(String model, String size) {
        if (model == null) {
            return Optional.empty();
        }
        String m = model.toLowerCase(Locale.ROOT);
        for (String key : new String[] {m + "." + size, m, family(m) + "." + size, family(m)}) {
            Double v = perSecond.get(key);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * The estimate for {@code seconds} generated seconds, rounded to cents.
     *
     * @param model the model
     * @param seconds the clip length in seconds, as a string
     * @param size its size in bytes
     * @return the estimate
     */
    public Optional<Double> estimate(String model, String size, String seconds) {
        if (seconds == null) {
            return Optional.empty();
        }
        int s;
        try {
            s = Integer.parseInt(seconds.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return perSecond(model, size).map(p -> Math.round(p * s * 100) / 100.0);
    }

    private static String family(String model) {
        return model.startsWith("sora-2-pro") ? "sora-2-pro" : model.startsWith("sora-2") ? "sora-2" : model;
    }
}
