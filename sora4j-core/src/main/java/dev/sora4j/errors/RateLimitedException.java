package dev.sora4j.errors;

/** The service asked to slow down (HTTP 429); {@link #retryAfter()} says for how long when it said so. */
public class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by {@link ApiException.Builder#build()}.
     *
     * @param b the values
     */
    protected RateLimitedException(Builder b) {
        super(b);
    }
}
