package dev.sora4j.cli.daemon;

import dev.sora4j.errors.ConfigException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The background emulator's idle timeout, from {@code SORA4J_EMULATOR_IDLE}: seconds, or with s, m or h. */
public final class IdleTimeout {
    /** The environment variable (or system property) that sets it. */
    public static final String VARIABLE = "SORA4J_EMULATOR_IDLE";

    /** Ten minutes: long enough for an agent's next step, short enough not to linger. */
    public static final Duration DEFAULT = Duration.ofMinutes(10);

    private static final Pattern VALUE = Pattern.compile("(\\d{1,9})\\s*([smh]?)");

    private IdleTimeout() {}

    /** The timeout {@code value} names; the default when it is null or blank. */
    public static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        Matcher m = VALUE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new ConfigException(
                    VARIABLE,
                    VARIABLE + "=" + value + " is not an idle timeout; use seconds or a number with s, m or h"
                            + " (e.g. 600, 30s, 10m).");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
