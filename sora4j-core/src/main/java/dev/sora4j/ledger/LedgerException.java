package dev.sora4j.ledger;

import dev.sora4j.errors.SoraException;

/** The ledger could not be read or written; nothing was sent on the strength of a failed ledger write. */
public class LedgerException extends SoraException {
    private static final long serialVersionUID = 1L;

    /**
     * A ledger failure.
     *
     * @param message which ledger and what failed
     * @param cause the database's exception
     */
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
