package dev.sora4j.errors;

/** The service failed (HTTP 5xx); a create may still have happened, see {@link #mayHaveSucceeded()}. */
public class ServerErrorException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by {@link ApiException.Builder#build()}.
     *
     * @param b the values
     */
    protected ServerErrorException(Builder b) {
        super(b);
    }
}
