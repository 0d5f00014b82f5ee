package dev.sora4j.cli;

import dev.sora4j.config.BaseUrls;
import dev.sora4j.config.Settings;
import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.options.AuthHeader;
import dev.sora4j.rules.Profile;
import java.util.Map;
import java.util.Optional;

/**
 * Checks values that come from the environment or the config file, naming where each came from
 * ({@code SORA4J_PROFILE}, {@code config file ~/.sora4j/config.properties, key profile}) rather than a
 * flag the user never typed. They are configuration problems: exit 4.
 */
final class ConfigChecks {
    private ConfigChecks() {}

    static Profile profile(Settings settings) {
        Optional<String> value = settings.get(Settings.Key.PROFILE);
        if (value.isEmpty()) {
            return Profile.GUIDE;
        }
        try {
            return Profile.parse(value.get());
        } catch (InvalidRequestException e) {
            throw new ConfigException(settings.origin(Settings.Key.PROFILE) + ": '" + value.get()
                    + "' is not a profile; use guide, spec or open.");
        }
    }

    static void authHeader(Settings settings) {
        Optional<String> value = settings.get(Settings.Key.AUTH_HEADER);
        if (value.isPresent()) {
            try {
                AuthHeader.parse(value.get());
            } catch (InvalidRequestException e) {
                throw new ConfigException(settings.origin(Settings.Key.AUTH_HEADER) + ": '" + value.get()
                        + "' is not an auth header; use bearer or api-key.");
            }
        }
    }

    /** Fails on a base URL that is not one; returns a warning when it lacks {@code /v1}. */
    static Optional<String> baseUrl(Settings settings) {
        Optional<String> value = settings.get(Settings.Key.BASE_URL);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String origin = settings.origin(Settings.Key.BASE_URL);
        BaseUrls.problem(value.get()).ifPresent(problem -> {
            throw new ConfigException(origin + ": " + problem);
        });
        return BaseUrls.missingVersionHint(value.get()).map(hint -> origin + ": " + hint);
    }

    /** {@code price.MODEL=USD} entries must be non-negative numbers. */
    static void prices(Settings settings, Map<String, String> entries) {
        entries.forEach((key, value) -> {
            double usd;
            try {
                usd = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                usd = -1;
            }
            if (!(usd >= 0) || Double.isInfinite(usd)) {
                throw new ConfigException("config file " + settings.home().resolve("config.properties") + ", key " + key
                        + ": '" + value + "' is not a price; write USD per second, e.g. " + key + "=0.10");
            }
        });
    }
}
