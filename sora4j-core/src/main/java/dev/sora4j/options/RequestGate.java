package dev.sora4j.options;

/**
 * A request-rate limit that several processes share (for example through a database): every paid call
 * passes it, after the client's own rate limit, before it is recorded and sent.
 */
@FunctionalInterface
public interface RequestGate {
    /**
     * Blocks until the caller may send one request.
     *
     * @param limitKey which limit: the provider, base URL and a fingerprint of the API key
     *     ({@link dev.sora4j.SoraClient#rateLimitKey()}), never the key itself
     * @throws InterruptedException when interrupted while waiting; nothing was sent
     */
    void acquire(String limitKey) throws InterruptedException;
}
