package dev.sora4j.providers.doctor;

/**
 * One request {@code sora doctor} sends. Always a GET: a probe never creates, changes or deletes a
 * job, so it never costs money.
 *
 * @param path relative to the base URL, with any query
 * @param purpose what the answer tells, for {@code --verbose}
 * @param usedForGuess whether {@link DialectGuesser} reads the answer (otherwise it is informational)
 */
public record Probe(String path, String purpose, boolean usedForGuess) {
    /**
     * The HTTP method of every probe.
     *
     * @return always {@code GET}
     */
    public String method() {

        return "GET";
    }
}
