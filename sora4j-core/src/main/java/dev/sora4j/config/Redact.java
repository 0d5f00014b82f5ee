package dev.sora4j.config;

import java.util.regex.Pattern;

/**
 * Hides the secret parts of a base URL before it is printed, logged or stored: user info
 * ({@code https://user:key@host/v1} becomes {@code https://***@host/v1}) and the query and fragment
 * ({@code ?key=...} becomes {@code ?***}), where gateways sometimes carry keys.
 */
public final class Redact {
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");
    private static final Pattern QUERY = Pattern.compile("\\?[^#\\s]*");
    private static final Pattern FRAGMENT = Pattern.compile("#\\S*");

    private Redact() {}

    /** {@code url} with user info, query and fragment replaced by {@code ***}; null stays null. */
    public static String baseUrl(String url) {
        if (url == null) {
            return null;
        }
        String s = USERINFO.matcher(url).replaceAll("$1***@");
        s = QUERY.matcher(s).replaceAll("?***");
        return FRAGMENT.matcher(s).replaceAll("#***");
    }

    /** {@code text} with every occurrence of {@code url} replaced by its redacted form, and any URL's user info hidden. */
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
