package dev.sora4j.emulator.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests per minute per model on the routes that start a job (create, edit, extend, remix).
 * A model without its own entry uses the entry of its family ({@code sora-2-pro-2025-10-06} →
 * {@code sora-2-pro}), else {@code *}, else it is unlimited.
 */
public record RateLimits(Map<String, Integer> perMinute) {
    public RateLimits {
        perMinute = Map.copyOf(perMinute);
        perMinute.forEach((model, rpm) -> {
            if (rpm < 1) {
                throw new IllegalArgumentException("rate limit for " + model + " must be >= 1 per minute, got " + rpm);
            }
        });
    }

    public static RateLimits none() {
        return new RateLimits(Map.of());
    }

    /** The service's published tier defaults: 50/min for sora-2, 25/min for sora-2-pro. */
    public static RateLimits serviceDefaults() {
        return new RateLimits(Map.of("sora-2", 50, "sora-2-pro", 25));
    }

    /** Parses {@code "sora-2=50,sora-2-pro=25"} or {@code "*=30"}. */
    public static RateLimits parse(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.strip().split("=", 2);
            try {
                out.put(kv[0].strip().toLowerCase(Locale.ROOT), Integer.parseInt(kv[1].strip()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "rate limit '" + part.strip() + "' must look like MODEL=N, e.g. sora-2=50");
            }
        }
        return new RateLimits(out);
    }

    /** The limit for {@code model}, or 0 when unlimited. */
    public int limitFor(String model) {
        Integer direct = perMinute.get(model);
        if (direct != null) {
            return direct;
        }
        String family = model.startsWith("sora-2-pro") ? "sora-2-pro" : model.startsWith("sora-2") ? "sora-2" : null;
        if (family != null && perMinute.containsKey(family)) {
            return perMinute.get(family);
        }
        return perMinute.getOrDefault("*", 0);
    }
}
