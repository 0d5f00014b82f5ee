package dev.sora4j.internal.openai;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the service's wait hint: {@code retry-after-ms} first, then {@code retry-after} (seconds or an HTTP date). */
final class RetryAfter {
    private RetryAfter() {}

    static Optional<Duration> parse(String retryAfterMs, String retryAfter) {
        if (retryAfterMs != null) {
            try {
                double ms = Double.parseDouble(retryAfterMs.trim());
                if (ms >= 0) {
                    return Optional.of(Duration.ofMillis(Math.round(ms)));
                }
            } catch (NumberFormatException ignored) {
                // Fall through to retry-after.
            }
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        try {
            double s = Double.parseDouble(retryAfter.trim());
            return s >= 0 ? Optional.of(Duration.ofMillis(Math.round(s * 1000))) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
