package dev.sora4j.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Removes what may be secret from a base URL before it is stored or shown: user info
 * ({@code https://user:pass@host}) and the query and fragment ({@code ?api-key=...}) become {@code ***}.
 * Scheme, host, port and path stay, so the ledger still says which endpoint a job went to.
 */
public final class Redaction {
    private static final String HIDDEN = "***";

    private Redaction() {}

    /** {@code url} without user info, query or fragment; null stays null. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            if (u.getRawUserInfo() == null && u.getRawQuery() == null && u.getRawFragment() == null) {
                return url;
            }
            StringBuilder sb = new StringBuilder();
            if (u.getScheme() != null) {
                sb.append(u.getScheme()).append("://");
            }
            if (u.getRawUserInfo() != null) {
                sb.append(HIDDEN).append('@');
            }
            if (u.getHost() != null) {
                sb.append(u.getHost());
            }
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
        } catch (URISyntaxException e) {
            // Not a parsable URL: keep only what surely precedes any secret.
            int cut = indexOfAny(url, '@', '?', '#');
            return cut < 0 ? url : url.substring(0, cut) + HIDDEN;
        }
    }

    private static int indexOfAny(String s, char... chars) {
        int best = -1;
        for (char c : chars) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
