package dev.sora4j.options;

import java.util.List;
import java.util.Map;

/** Hears the status and headers (lower-case names) of every POST the gateway sends, e.g. to follow rate limits. */
@FunctionalInterface
public interface ResponseObserver {
    /**
     * Called once per POST response.
     *
     * @param status the status
     * @param headers the response headers, lower-case names
     */
    void onResponse(int status, Map<String, List<String>> headers);

    /** Hears nothing. */
    ResponseObserver NONE = (status, headers) -> {};
}
