package dev.sora4j.errors;

/** No response arrived (connection refused, reset, timed out, I/O error); {@link #status()} is 0. */
public class ConnectionException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by {@link ApiException.Builder#build()}.
     *
     * @param b the values
     */
    protected ConnectionException(Builder b) {
        super(b);
    }
}
