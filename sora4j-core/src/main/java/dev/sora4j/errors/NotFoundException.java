package dev.sora4j.errors;

/** The service has no such object (HTTP 404), e.g. a wrong or deleted video id. */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by {@link ApiException.Builder#build()}.
     *
     * @param b the values
     */
    protected NotFoundException(Builder b) {
        super(b);
    }
}
