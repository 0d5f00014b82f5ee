package dev.sora4j.providers.doctor;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one probe got back. Headers are kept by lower-case name; the body may be clipped.
 *
 * @param path the probe's path
 * @param status the HTTP status, 0 when no answer arrived
 */
public record Observation(String path, int status, Map<String, String> headers, String body) {
    public Observation {
        TreeMap<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
        body = body == null ? "" : body;
    }

    public static Observation of(String path, int status, String body) {
        return new Observation(path, status, Map.of(), body);
    }

    public boolean answered() {
        return status > 0;
    }
}
