package dev.sora4j.emulator.http;

import java.util.List;

/** Route names as the docs write them ({@code "GET /v1/videos/{id}"}) and matching requests against them. */
public final class Routes {
    /** Every route the emulator serves, for per-route counts and fault settings. */
    public static final List<String> ALL = List.of(
            "POST /v1/videos",
            "GET /v1/videos",
            "GET /v1/videos/{id}",
            "DELETE /v1/videos/{id}",
            "GET /v1/videos/{id}/content",
            "POST /v1/videos/edits",
            "POST /v1/videos/extensions",
            "POST /v1/videos/{id}/remix",
            "POST /v1/videos/characters",
            "GET /v1/videos/characters/{id}",
            "POST /v1/files",
            "GET /v1/files",
            "GET /v1/files/{id}",
            "GET /v1/files/{id}/content",
            "DELETE /v1/files/{id}",
            "POST /v1/batches",
            "GET /v1/batches",
            "GET /v1/batches/{id}",
            "POST /v1/batches/{id}/cancel");

    private Routes() {}

    /** Whether {@code "METHOD /path/{param}"} matches a request; {@code {x}} matches one path segment. */
    public static boolean matches(String route, String method, String path) {
        int space = route.indexOf(' ');
        if (space < 0 || !route.substring(0, space).equalsIgnoreCase(method)) {
            return false;
        }
        String[] want = route.substring(space + 1).split("/");
        String[] got = path.split("/");
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean param = want[i].startsWith("{") && want[i].endsWith("}");
            if (!param && !want[i].equals(got[i])) {
                return false;
            }
        }
        return true;
    }

    /** The route a request belongs to, preferring literal segments ({@code /videos/edits} over {@code /videos/{id}}). */
    public static String of(String method, String path) {
        String best = null;
        int bestLiterals = -1;
        for (String route : ALL) {
            if (matches(route, method, path)) {
                int literals = (int) java.util.Arrays.stream(route.split("/"))
                        .filter(s -> !s.startsWith("{"))
                        .count();
                if (literals > bestLiterals) {
                    best = route;
                    bestLiterals = literals;
                }
            }
        }
        return best == null ? method.toUpperCase(java.util.Locale.ROOT) + " " + path : best;
    }
}
