package dev.sora4j.options;

import java.util.List;
import java.util.Map;

/** Hears the status and headers (lower-case names) of every POST the gateway sends, e.g. to follow rate limits. */
@FunctionalInterface
public interface ResponseObserver {
    void onResponse(int status, Map<String, List<String>> headers);

    ResponseObserver NONE = (status, headers) -> {};
}
