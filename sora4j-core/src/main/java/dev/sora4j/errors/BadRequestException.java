package dev.sora4j.errors;

/** The service refused the request as malformed or not allowed (HTTP 400 or 422); sending it again will not help. */
public class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by {@link ApiException.Builder#build()}.
     *
     * @param b the values
     */
    protected BadRequestException(Builder b) {
        super(b);
    }
}
