package dev.sora4j.errors;

/** The service refused the credentials or the account (HTTP 401 or 403); check the API key and its access. */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Made by {@link ApiException.Builder#build()}.
     *
     * @param b the values
     */
    protected AuthenticationException(Builder b) {
        super(b);
    }
}
