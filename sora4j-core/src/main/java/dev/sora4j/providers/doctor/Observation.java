package dev.sora4j.providers.doctor;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one probe got back. Headers are kept by lower-case name; the body may be clipped.
 *
 * @param path the probe's path
 * @param status the HTTP status, 0 when no answer arrived
 * @param headers the response headers, first value of each, by lower-case name
 * @param body the response body text, possibly clipped; empty when there was none
 */
public record Observation(String path, int status, Map<String, String> headers, String body) {
    /**
     * Lower-cases the header names, copies the headers and turns a null body into an empty string.
     *
     * @param path the probe's path
     * @param status the HTTP status, 0 when no answer arrived
     * @param headers the response headers, first value of each, by lower-case name
     * @param body the response body text, possibly clipped; empty when there was none
     */
    public Observation {
        TreeMap<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
        body = body == null ? "" : body;
    }

    /**
     * An observation without headers.
     *
     * @param path the probe's path
     * @param status the HTTP status, 0 when no answer arrived
     * @param body the response body text, may be null
     * @return the observation
     */
    public static Observation of(String path, int status, String body) {
        return new Observation(path, status, Map.of(), body);
    }

    /**
     * Whether an answer arrived.
     *
     * @return true when {@link #status()} is positive
     */
    public boolean answered() {

        return status > 0;
    }
}
