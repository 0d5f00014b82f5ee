package dev.sora4j.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * The service refused or failed a request, or could not be reached. Carries what the service said,
 * never the request's credentials. Build one with {@link #builder()}: {@link Builder#build()} picks
 * the subclass from the HTTP status, so callers can branch on {@link BadRequestException},
 * {@link AuthenticationException}, {@link NotFoundException}, {@link RateLimitedException},
 * {@link ServerErrorException} and {@link ConnectionException}.
 */
public class ApiException extends SoraException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, 0 for none. */
    private final int status;
    /** The envelope's type. */
    private final String type;
    /** The envelope's code. */
    private final String code;
    /** The envelope's param. */
    private final String param;
    /** The x-request-id. */
    private final String requestId;

    private final transient Duration retryAfter;

    /**
     * Made by {@link Builder#build()} and by subclasses.
     *
     * @param b the values
     */
    protected ApiException(Builder b) {
        super(b.message == null ? "HTTP " + b.status : b.message, b.cause);
        this.status = b.status;
        this.type = b.type;
        this.code = b.code;
        this.param = b.param;
        this.requestId = b.requestId;
        this.retryAfter = b.retryAfter;
    }

    /**
     * Starts an exception.
     *
     * @return an empty builder (status 0: no response)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The HTTP status.
     *
     * @return the status, or 0 when no response arrived (connection refused, timeout, reset)
     */
    public int status() {
        return status;
    }

    /**
     * The error envelope's {@code type}.
     *
     * @return the type, e.g. {@code invalid_request_error}, or null
     */
    public String type() {
        return type;
    }

    /**
     * The error envelope's {@code code}.
     *
     * @return the code, e.g. {@code moderation_blocked}, or null
     */
    public String code() {
        return code;
    }

    /**
     * The error envelope's {@code param}: the request field the service blamed.
     *
     * @return the field, or null
     */
    public String param() {
        return param;
    }

    /**
     * The service's {@code x-request-id}, for support tickets.
     *
     * @return the id, or null when absent
     */
    public String requestId() {
        return requestId;
    }

    /**
     * How long the service asked to wait ({@code retry-after-ms} / {@code retry-after}).
     *
     * @return the wait, if the service sent one
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Worth retrying unchanged: no response at all (timeout, reset, refused), 408, 409, 429 and 5xx.
     * The service's {@code x-should-retry} header is not consulted here; the SDK already honoured it.
     *
     * @return whether the same request may succeed later
     */
    public boolean isTransient() {
        return status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /**
     * Whether the request may have been carried out although no useful answer came back (no
     * response, or a 5xx): a create may exist on the server.
     *
     * @return true for status 0 and 5xx
     */
    public boolean mayHaveSucceeded() {
        return status == 0 || status >= 500;
    }

    /**
     * 401 and 403: the credentials or the account, not the request.
     *
     * @return whether this is an {@link AuthenticationException}
     */
    public boolean isAuthProblem() {
        return status == 401 || status == 403;
    }

    /** Collects the parts of an {@link ApiException}; every part is optional. */
    public static final class Builder {
        private int status;
        private String message;
        private String type;
        private String code;
        private String param;
        private String requestId;
        private Duration retryAfter;
        private Throwable cause;

        private Builder() {}

        /**
         * Sets the HTTP status.
         *
         * @param value the status, or 0 for no response
         * @return this builder
         */
        public Builder status(int value) {
            this.status = value;
            return this;
        }

        /**
         * Sets the message.
         *
         * @param value what the service said (default {@code HTTP <status>})
         * @return this builder
         */
        public Builder message(String value) {
            this.message = value;
            return this;
        }

        /**
         * Sets the error type.
         *
         * @param value the envelope's {@code type}
         * @return this builder
         */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /**
         * Sets the error code.
         *
         * @param value the envelope's {@code code}
         * @return this builder
         */
        public Builder code(String value) {
            this.code = value;
            return this;
        }

        /**
         * Sets the blamed parameter.
         *
         * @param value the envelope's {@code param}
         * @return this builder
         */
        public Builder param(String value) {
            this.param = value;
            return this;
        }

        /**
         * Sets the request id.
         *
         * @param value the {@code x-request-id} header
         * @return this builder
         */
        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        /**
         * Sets the wait the service asked for.
         *
         * @param value the wait, or null
         * @return this builder
         */
        public Builder retryAfter(Duration value) {
            this.retryAfter = value;
            return this;
        }

        /**
         * Sets the cause.
         *
         * @param value the SDK's or the transport's exception
         * @return this builder
         */
        public Builder cause(Throwable value) {
            this.cause = value;
            return this;
        }

        /**
         * Builds the subclass that matches the status.
         *
         * @return a {@link ConnectionException} (0), {@link BadRequestException} (400, 422),
         *     {@link AuthenticationException} (401, 403), {@link NotFoundException} (404),
         *     {@link RateLimitedException} (429), {@link ServerErrorException} (5xx), else an
         *     {@link ApiException}
         */
        public ApiException build() {
            if (status == 0) {
                return new ConnectionException(this);
            }
            if (status == 400 || status == 422) {
                return new BadRequestException(this);
            }
            if (status == 401 || status == 403) {
                return new AuthenticationException(this);
            }
            if (status == 404) {
                return new NotFoundException(this);
            }
            if (status == 429) {
                return new RateLimitedException(this);
            }
            if (status >= 500) {
                return new ServerErrorException(this);
            }
            return new ApiException(this);
        }
    }
}
