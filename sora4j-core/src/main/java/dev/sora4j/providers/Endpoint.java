package dev.sora4j.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a provider lives: its default base URL (null when every installation has its own) and the
 * path prefix the Videos routes sit under ({@code /v1}, Azure's {@code /openai/v1}, OpenRouter's
 * {@code /api/v1}; providers.md §0 knob 1).
 *
 * @param defaultBaseUrl the base URL used when none is configured, or null when one is required
 * @param example a base URL to show in help and errors
 * @param pathPrefix what a correct base URL's path ends with
 */
public record Endpoint(String defaultBaseUrl, String example, String pathPrefix) {
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    /**
     * Whether the user must configure a base URL.
     *
     * @return true when the provider has no default base URL
     */
    public boolean baseUrlRequired() {
        return defaultBaseUrl == null;
    }

    /**
     * The base URL to use: the configured one without a trailing slash, else the default. Empty when
     * none is configured and the provider has no default.
     *
     * @param configured the base URL the user configured, may be null or blank
     * @return the base URL without trailing slashes, or empty when there is none
     */
    public Optional<String> resolve(String configured) {
        String url = configured == null || configured.isBlank() ? defaultBaseUrl : configured.strip();
        if (url == null) {
            return Optional.empty();
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return Optional.of(url);
    }

    /**
     * A warning when a base URL looks wrong for this provider (not http(s), or its path does not end
     * with {@link #pathPrefix()}); empty when it looks right. A warning, not a refusal: proxies
     * re-mount paths (LiteLLM also serves every route without {@code /v1}, §1).
     *
     * @param baseUrl the base URL to check
     * @return the warning, or empty when the URL looks right
     */
    public Optional<String> check(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            return Optional.of("base URL '" + baseUrl + "' is not a URL; expected something like " + example);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("base URL '" + baseUrl + "' is not an http(s) URL; expected something like " + example);
        }
        String path = uri.getPath() == null
                ? ""
                : TRAILING_SLASHES.matcher(uri.getPath()).replaceAll("");
        if (!path.endsWith(pathPrefix)) {
            return Optional.of("base URL '" + baseUrl + "' does not end with " + pathPrefix
                    + "; this provider's Videos routes are under " + pathPrefix + " (e.g. " + example + ")");
        }
        return Optional.empty();
    }
}
