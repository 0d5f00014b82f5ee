package dev.sora4j;

/**
 * The service refused or failed a request. Carries what the service said, never the request's
 * credentials.
 */
public class ApiException extends SoraException {
    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final String requestId;

    public ApiException(int status, String message, String type, String code, String param, String requestId,
            Throwable cause) {
        super(message, cause);
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

    /** 401 and 403: the credentials or the account, not the request. */
    public boolean isAuthProblem() {
        return status == 401 || status == 403;
    }
}
