package dev.sora4j.cli.gallery;

import java.util.Locale;
import java.util.Set;

/**
 * The gallery's request rules, kept apart from the HTTP server so they can be tested alone.
 *
 * <ul>
 *   <li>Every request carries the token: in the {@code token} query parameter, the {@code
 *       X-Sora-Gallery-Token} header, or the cookie a tokened request set.
 *   <li>On a loopback bind the {@code Host} header must name loopback and this port, so a page on
 *       another site cannot reach the gallery through DNS rebinding.
 *   <li>A request that changes anything is a POST whose {@code Origin} is the gallery's own, or (no
 *       {@code Origin}) whose {@code Sec-Fetch-Site} is {@code same-origin}; a POST with neither is refused.
 * </ul>
 */
public final class AccessGuard {
    /** The header scripts and tools may send the token in. */
    public static final String TOKEN_HEADER = "X-Sora-Gallery-Token";

    /** The query parameter the printed URL carries the token in. */
    public static final String TOKEN_PARAM = "token";

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final AccessToken token;
    private final int port;
    private final boolean loopback;

    /**
     * Rules for a gallery on {@code port}.
     *
     * @param token the gallery's token
     * @param port the port it listens on
     * @param loopback whether it is bound to a loopback address (then the Host header is checked)
     */
    public AccessGuard(AccessToken token, int port, boolean loopback) {
        this.token = token;
        this.port = port;
        this.loopback = loopback;
    }

    /**
     * What a request carried that the rules look at.
     *
     * @param method the HTTP method, upper case
     * @param queryToken the {@code token} query parameter, or null
     * @param headerToken the token header, or null
     * @param cookieToken the gallery cookie, or null
     * @param host the {@code Host} header, or null
     * @param origin the {@code Origin} header, or null
     * @param fetchSite the {@code Sec-Fetch-Site} header, or null
     */
    public record Facts(
            String method,
            String queryToken,
            String headerToken,
            String cookieToken,
            String host,
            String origin,
            String fetchSite) {}

    /** The answer to one request. */
    public enum Verdict {
        /** Go on. */
        ALLOW(200),
        /** Go on, and set the cookie: the token came in the URL or the header. */
        ALLOW_SET_COOKIE(200),
        /** No token or a wrong one. */
        NO_TOKEN(401),
        /** The Host header names another machine (DNS rebinding) on a loopback bind. */
        WRONG_HOST(403),
        /** A state-changing request from another origin, or without proof of its origin. */
        CROSS_ORIGIN(403),
        /** State changes only by POST. */
        WRONG_METHOD(405);

        private final int status;

        Verdict(int status) {
            this.status = status;
        }

        /**
         * The HTTP status a refusal answers with.
         *
         * @return 200 for the allowing verdicts
         */
        public int status() {
            return status;
        }

        /**
         * Whether the request goes on.
         *
         * @return true for the allowing verdicts
         */
        public boolean allowed() {
            return status == 200;
        }
    }

    /**
     * The name of the cookie; it holds the port, since browsers share cookies between ports of one host.
     *
     * @return the cookie name
     */
    public String cookieName() {
        return "sora_gallery_" + port;
    }

    /**
     * The {@code Set-Cookie} value that lets the page work without the token in every URL.
     *
     * @return the header value
     */
    public String setCookie() {
        return cookieName() + "=" + token.value() + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /**
     * Judges a request that only reads (GET or HEAD) or that changes state.
     *
     * @param facts what the request carried
     * @param changesState whether the route changes anything (actions)
     * @return the verdict
     */
    public Verdict check(Facts facts, boolean changesState) {
        if (loopback && !loopbackHost(facts.host())) {
            return Verdict.WRONG_HOST;
        }
        boolean byCookie = token.matches(facts.cookieToken());
        boolean byRequest = token.matches(facts.queryToken()) || token.matches(facts.headerToken());
        if (!byCookie && !byRequest) {
            return Verdict.NO_TOKEN;
        }
        String method = facts.method() == null ? "" : facts.method().toUpperCase(Locale.ROOT);
        if (changesState) {
            if (!method.equals("POST")) {
                return Verdict.WRONG_METHOD;
            }
            if (!sameOrigin(facts)) {
                return Verdict.CROSS_ORIGIN;
            }
        }
        return byCookie ? Verdict.ALLOW : Verdict.ALLOW_SET_COOKIE;
    }

    private boolean sameOrigin(Facts facts) {
        if (facts.origin() != null) {
            // "null" (sandboxed frames, file: pages) is never the gallery.
            return facts.host() != null && facts.origin().equalsIgnoreCase("http://" + facts.host());
        }
        return "same-origin".equalsIgnoreCase(facts.fetchSite());
    }

    private boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon < 0 || h.endsWith("]")) {
            // Browsers leave out only the default port.
            return port == 80 && LOOPBACK_NAMES.contains(h);
        }
        return LOOPBACK_NAMES.contains(h.substring(0, colon))
                && h.substring(colon + 1).equals(Integer.toString(port));
    }
}
