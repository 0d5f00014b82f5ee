package dev.sora4j.errors;

/**
 * The calling thread was interrupted while sora4j waited (polling, a batch, a rate limit). The
 * thread's interrupt flag is set again before this is thrown; work recorded in the ledger is kept.
 */
public class SoraInterruptedException extends SoraException {
    private static final long serialVersionUID = 1L;

    /**
     * An interrupt.
     *
     * @param message what was interrupted and how to continue
     * @param cause the {@link InterruptedException}
     */
    public SoraInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
