package dev.sora4j.errors;

/**
 * The service refused or failed a request. Carries what the service said, never the request's
 * credentials.
 */
public class ApiException extends SoraException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final String requestId;
    private final java.time.Duration retryAfter;

    public ApiException(
            int status, String message, String type, String code, String param, String requestId, Throwable cause) {
        this(status, message, type, code, param, requestId, null, cause);
    }

    public ApiException(
            int status,
            String message,
            String type,
            String code,
            String param,
            String requestId,
            java.time.Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.requestId = requestId;
    }

    /** HTTP status, or 0 when no response arrived (connection refused, timeout). */
    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    /** The service's {@code x-request-id}, for support tickets; null when absent. */
    public String requestId() {
        return requestId;
    }

    /** How long the service asked to wait ({@code retry-after-ms} / {@code retry-after}), if it did. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    /**
     * Worth retrying unchanged: no response at all (timeout, reset, refused), 408, 409, 429 and 5xx.
     * The service's {@code x-should-retry} header is not consulted here; the SDK already honoured it.
     */
    public boolean isTransient() {
        return status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** 401 and 403: the credentials or the account, not the request. */
    public boolean isAuthProblem() {
        return status == 401 || status == 403;
    }
}
