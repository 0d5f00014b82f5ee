package dev.sora4j.spi;

import dev.sora4j.errors.SoraException;

/** A delivery that must not be processed: answered with a 4xx and not recorded. */
public class WebhookRejectedException extends SoraException {
    /** Why a delivery was refused. */
    public enum Reason {
        /** The signature does not match the secret. */
        FORGED(401),
        /** The timestamp is outside the tolerance. */
        STALE(401),
        /** A {@code webhook-*} header or the JSON body is missing or malformed. */
        MALFORMED(400),
        /** This {@code webhook-id} was already processed. */
        REPLAYED(409);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /**
         * The status the receiver answers with.
         *
         * @return a 4xx status
         */
        public int httpStatus() {
            return httpStatus;
        }
    }

    private static final long serialVersionUID = 1L;
    /** Why the delivery was refused. */
    private final Reason reason;

    /**
     * @param reason why
     * @param message what was wrong (never the secret)
     */
    public WebhookRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Why the delivery was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
