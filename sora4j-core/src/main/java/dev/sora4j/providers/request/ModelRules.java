package dev.sora4j.providers.request;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.rules.Profile;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A provider's limits on model, size and length, as data the validation layer consumes
 * (providers.md per section). {@link #validationProfile()} is the {@link Profile} whose
 * {@code VideoRules} apply by default with this provider: {@code guide} for OpenAI, {@code open} for
 * every server that serves other models; {@link #prepare} adds the provider's own limits on top, and
 * an explicit {@code --profile open} switches those off too (format checks stay).
 *
 * @param validationProfile the validation profile that applies by default with this provider
 * @param model how the model field is treated
 * @param defaultModel sent when none is given, or null to let the server choose (its served model)
 * @param defaultSize sent when none is given, or null for the server's (the model's) default
 * @param defaultSeconds sent when none is given, or null for the server's default
 * @param sizes the only sizes allowed, or empty for any {@code WxH}
 * @param seconds the only lengths allowed, or empty for any within the bounds below
 * @param minSeconds inclusive lower bound (exclusive when {@code minExclusive}), or null
 * @param minExclusive whether {@code minSeconds} itself is not allowed
 * @param maxSeconds inclusive upper bound, or null
 * @param wholeSeconds lengths must be whole seconds
 */
public record ModelRules(
        Profile validationProfile,
        ModelHandling model,
        String defaultModel,
        String defaultSize,
        String defaultSeconds,
        List<String> sizes,
        List<String> seconds,
        Double minSeconds,
        boolean minExclusive,
        Double maxSeconds,
        boolean wholeSeconds) {
    private static final Pattern VENDOR_MODEL = Pattern.compile("[A-Za-z0-9][\\w.-]*/[\\w.:-]+");

    /** How the {@code model} field works on a provider (providers.md §8 row "model"). */
    public enum ModelHandling {
        /** Any name the server knows: OpenAI model, LiteLLM {@code model_name}, Azure deployment. */
        PASS,
        /** The server runs one model: send none (or exactly the served name), vLLM-Omni refuses others (§2). */
        SERVED_MODEL,
        /** No default exists: the user must name one (Azure deployment, new-api channel model). */
        REQUIRED,
        /** {@code vendor/model}, e.g. {@code google/veo-3.1} (OpenRouter, §6). */
        VENDOR_PREFIXED
    }

    /**
     * Copies the lists.
     *
     * @param validationProfile the validation profile that applies by default with this provider
     * @param model how the model field is treated
     * @param defaultModel sent when none is given, or null to let the server choose (its served model)
     * @param defaultSize sent when none is given, or null for the server's (the model's) default
     * @param defaultSeconds sent when none is given, or null for the server's default
     * @param sizes the only sizes allowed, or empty for any {@code WxH}
     * @param seconds the only lengths allowed, or empty for any within the bounds below
     * @param minSeconds inclusive lower bound (exclusive when {@code minExclusive}), or null
     * @param minExclusive whether {@code minSeconds} itself is not allowed
     * @param maxSeconds inclusive upper bound, or null
     * @param wholeSeconds lengths must be whole seconds
     * @throws NullPointerException when {@code validationProfile} or {@code model} is null
     */
    public ModelRules {
        Objects.requireNonNull(validationProfile, "validationProfile");
        Objects.requireNonNull(model, "model");
        sizes = List.copyOf(sizes);
        seconds = List.copyOf(seconds);
    }

    /**
     * Fills this provider's defaults and checks the spec. {@code openProfile} is the user's explicit
     * {@code --profile open}: it skips the provider's lists and bounds, never the format checks.
     *
     * @param provider the provider's name, for messages
     * @param modelExample a model to show in "needs --model" messages
     * @param spec the request as the user gave it
     * @param openProfile whether the user chose {@code --profile open}
     * @return the spec with defaults filled and values stripped
     * @throws InvalidRequestException when the prompt is empty, a required model is missing, or the
     *     model, size or length is not allowed, naming the field
     */
    public CreateSpec prepare(String provider, String modelExample, CreateSpec spec, boolean openProfile) {
        if (spec.prompt() == null || spec.prompt().isBlank()) {
            throw new InvalidRequestException("prompt", "prompt is empty; pass --prompt TEXT or --prompt-file FILE");
        }
        CreateSpec s = spec.withModel(orDefault(spec.model(), defaultModel))
                .withSize(orDefault(spec.size(), defaultSize))
                .withSeconds(orDefault(spec.seconds(), defaultSeconds));
        checkModel(provider, modelExample, s.model());
        if (s.size() != null && !FrameSizes.isWxH(s.size())) {
            throw new InvalidRequestException(
                    "size", "size '" + s.size() + "' is not WIDTHxHEIGHT in pixels, e.g. 1280x720");
        }
        BigDecimal length = s.seconds() == null ? null : length(s.seconds());
        if (wholeSeconds && length != null && length.stripTrailingZeros().scale() > 0) {
            throw new InvalidRequestException(
                    "seconds", "seconds '" + s.seconds() + "' must be whole seconds for provider " + provider);
        }
        if (!openProfile) {
            checkLists(provider, s, length);
        }
        return s;
    }

    private void checkModel(String provider, String example, String m) {
        boolean absent = m == null || m.isBlank();
        if (absent && (model == ModelHandling.REQUIRED || model == ModelHandling.VENDOR_PREFIXED)) {
            throw new InvalidRequestException(
                    "model", "provider " + provider + " needs --model (e.g. --model " + example + ")");
        }
        if (!absent
                && model == ModelHandling.VENDOR_PREFIXED
                && !VENDOR_MODEL.matcher(m).matches()) {
            throw new InvalidRequestException(
                    "model",
                    "model '" + m + "' is not vendor/model; provider " + provider + " names models like " + example);
        }
    }

    private void checkLists(String provider, CreateSpec s, BigDecimal length) {
        if (!sizes.isEmpty() && s.size() != null && !sizes.contains(s.size())) {
            throw new InvalidRequestException(
                    "size",
                    "size '" + s.size() + "' is not allowed by provider " + provider + "; allowed: "
                            + String.join(", ", sizes) + " (or --profile open to let the server decide)");
        }
        if (length == null) {
            return;
        }
        if (!seconds.isEmpty() && seconds.stream().noneMatch(v -> new BigDecimal(v).compareTo(length) == 0)) {
            throw new InvalidRequestException(
                    "seconds",
                    "seconds '" + s.seconds() + "' is not allowed by provider " + provider + "; allowed: "
                            + String.join(", ", seconds) + " (or --profile open to let the server decide)");
        }
        boolean low = minSeconds != null
                && (minExclusive
                        ? length.compareTo(BigDecimal.valueOf(minSeconds)) <= 0
                        : length.compareTo(BigDecimal.valueOf(minSeconds)) < 0);
        boolean high = maxSeconds != null && length.compareTo(BigDecimal.valueOf(maxSeconds)) > 0;
        if (low || high) {
            throw new InvalidRequestException(
                    "seconds",
                    "seconds '" + s.seconds() + "' is out of range for provider " + provider + ": "
                            + (minExclusive ? "more than " : "at least ") + plain(minSeconds) + " and at most "
                            + plain(maxSeconds) + " (or --profile open to let the server decide)");
        }
    }

    private static BigDecimal length(String seconds) {
        try {
            BigDecimal d = new BigDecimal(seconds.strip());
            if (d.signum() > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("seconds", "seconds '" + seconds + "' is not a positive number of seconds");
    }

    private static String plain(Double d) {
        return d == null ? "any" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
