package dev.sora4j.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Local checks of a base URL (the API root, e.g. {@code http://localhost:4000/v1}), so that a typo
 * is named before any request instead of surfacing as a connection error. Every phrase quotes the URL
 * through {@link Redact#baseUrl}.
 */
public final class BaseUrls {
    /** OpenAI's own endpoint, where the hosted Videos API was removed on 2026-09-24. */
    public static final String OPENAI = "https://api.openai.com/v1";

    /** Said wherever the default endpoint is in play: it no longer serves videos. */
    public static final String REMOVED_NOTICE = "OpenAI's hosted Videos API was removed on 2026-09-24; point "
            + "--base-url or OPENAI_BASE_URL at a gateway that serves /v1/videos (e.g. http://localhost:4000/v1), "
            + "or use --offline for the local emulator.";

    private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+");
    private static final String EXAMPLE = "http://localhost:4000/v1";

    private BaseUrls() {}

    /**
     * Why {@code raw} cannot be a base URL, e.g. {@code "'localhost:4000' has no scheme; ..."}; empty when it can.
     *
     * @param raw the candidate base URL as given
     * @return why it is unusable, or empty when it is a usable base URL
     */
    public static Optional<String> problem(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of("is empty; give the API root, e.g. " + EXAMPLE + ".");
        }
        String shown = "'" + Redact.baseUrl(raw.strip()) + "'";
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            return Optional.of(shown + " is not a URL (" + e.getReason().toLowerCase(Locale.ROOT) + " at character "
                    + (e.getIndex() + 1) + "); write it like " + EXAMPLE + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.isEmpty() || uri.isOpaque() && uri.getHost() == null && !scheme.startsWith("http")) {
            return Optional.of(shown + " has no http:// or https:// scheme; write it like " + EXAMPLE + ".");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(shown + " must start with http:// or https://, e.g. " + EXAMPLE + ".");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of(shown + " has no host name; write it like " + EXAMPLE + ".");
        }
        return Optional.empty();
    }

    /**
     * A hint when a valid URL has no version segment at its end ({@code /v1}): every server in
     * {@code providers.md} serves the Videos API under one, so its absence is usually a mistake.
     *
     * @param raw the base URL as given
     * @return the hint, or empty when the URL ends in a version segment or is invalid
     */
    public static Optional<String> missingVersionHint(String raw) {
        if (problem(raw).isPresent()) {
            return Optional.empty();
        }
        URI uri = URI.create(raw.strip());
        String path = uri.getPath() == null ? "" : uri.getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (VERSION_SEGMENT.matcher(last).matches()) {
            return Optional.empty();
        }
        String suggestion = Redact.baseUrl(withVersion(raw));
        return Optional.of("'" + Redact.baseUrl(raw.strip()) + "' does not end in /v1; the Videos API lives at "
                + "<root>/v1/videos on most servers, so you probably mean " + suggestion + ".");
    }

    /**
     * Whether {@code url} is OpenAI's own endpoint (with or without a trailing slash).
     *
     * @param url the base URL to test; may be null
     * @return whether it is {@code https://api.openai.com/v1}
     */
    public static boolean isOpenAi(String url) {
        return url != null && url.strip().replaceAll("/+$", "").equalsIgnoreCase(OPENAI);
    }

    /** The URL without query, fragment or trailing slash, with {@code /v1} appended. */
    private static String withVersion(String raw) {
        String s = raw.strip();
        int cut = s.length();
        for (char c : new char[] {'?', '#'}) {
            int at = s.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return s.substring(0, cut).replaceAll("/+$", "") + "/v1";
    }
}
