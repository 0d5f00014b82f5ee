package dev.sora4j.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The one redaction of base URLs (ledger and output). Hides the secret parts of a base URL before it is printed, logged or stored: user info
 * ({@code https://user:key@host/v1} becomes {@code https://***@host/v1}) and the query and fragment
 * ({@code ?key=...} becomes {@code ?***}), where gateways sometimes carry keys.
 */
public final class Redact {
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");
    private static final Pattern QUERY = Pattern.compile("\\?[^#\\s]*");
    private static final Pattern FRAGMENT = Pattern.compile("#\\S*");

    private static final String HIDDEN = "***";

    private Redact() {}

    /**
     * {@code url} with user info, query and fragment replaced by {@code ***}; null stays null. The one
     * redaction for base URLs: what the ledger stores and what commands print.
     *
     * @param url the base URL, or null
     * @return the redacted URL, or null
     */
    public static String baseUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            if (u.getHost() != null) {
                return fromParts(u);
            }
        } catch (URISyntaxException e) {
            // Not a parsable URL: the patterns below still find user info, query and fragment.
        }
        String s = USERINFO.matcher(url).replaceAll("$1***@");
        s = QUERY.matcher(s).replaceAll("?***");
        return FRAGMENT.matcher(s).replaceAll("#***");
    }

    private static String fromParts(URI u) {
        if (u.getRawUserInfo() == null && u.getRawQuery() == null && u.getRawFragment() == null) {
            return u.toString();
        }
        StringBuilder sb = new StringBuilder();
        if (u.getScheme() != null) {
            sb.append(u.getScheme()).append("://");
        }
        if (u.getRawUserInfo() != null) {
            sb.append(HIDDEN).append('@');
        }
        sb.append(u.getHost());
        if (u.getPort() >= 0) {
            sb.append(':').append(u.getPort());
        }
        if (u.getRawPath() != null) {
            sb.append(u.getRawPath());
        }
        if (u.getRawQuery() != null) {
            sb.append('?').append(HIDDEN);
        }
        if (u.getRawFragment() != null) {
            sb.append('#').append(HIDDEN);
        }
        return sb.toString();
    }

    /**
     * {@code text} with every occurrence of {@code url} replaced by its redacted form, and any URL's user info hidden.
     *
     * @param text the text to redact, e.g. an error message
     * @param url the base URL whose occurrences are redacted; may be null
     * @return the text with URLs redacted
     */
    public static String in(String text, String url) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (url != null && !url.isEmpty()) {
            s = s.replace(url, baseUrl(url));
        }
        return USERINFO.matcher(s).replaceAll("$1***@");
    }
}
