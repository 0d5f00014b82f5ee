package dev.sora4j.ledger;

import java.util.Locale;
import java.util.Optional;

/**
 * The states the ledger itself gives an entry. Once the service answered, an entry's status is the
 * service's own (an open value such as {@code queued} or {@code completed}), so
 * {@link LedgerEntry#status()} stays a string and {@link #of(String)} tells the two apart.
 */
public enum LedgerStatus {
    /** The intent is written and the request is on its way (or the process died before an answer). */
    SENDING,
    /** No answer, or a server error: the request may or may not have created a job. */
    UNKNOWN,
    /** The service refused: nothing was created. */
    REFUSED,
    /** The request never left this machine (no connection): nothing was created, re-sending is safe. */
    NOT_SENT,
    /** Found on the server by reconciliation after an unanswered create. */
    ADOPTED,
    /** A character was created (characters have no status of their own). */
    CREATED;

    /**
     * The value stored in the ledger.
     *
     * @return the lower-case name
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a stored status is this one.
     *
     * @param status a status from {@link LedgerEntry#status()}
     * @return true when it equals {@link #value()}
     */
    public boolean matches(String status) {
        return value().equals(status);
    }

    /**
     * The ledger state a stored status names.
     *
     * @param status a status from {@link LedgerEntry#status()}
     * @return the state, or empty when it is the service's status
     */
    public static Optional<LedgerStatus> of(String status) {
        for (LedgerStatus s : values()) {
            if (s.matches(status)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an entry with this status certainly created nothing: it costs nothing and may be sent again.
     *
     * @param status a status from {@link LedgerEntry#status()}
     * @return true for {@link #REFUSED} and {@link #NOT_SENT}
     */
    public static boolean createdNothing(String status) {
        return REFUSED.matches(status) || NOT_SENT.matches(status);
    }

    /**
     * The estimated cost an entry counts for in totals: nothing when nothing was created.
     *
     * @param e a ledger entry
     * @return its estimated cost in USD, or 0
     */
    public static double spend(LedgerEntry e) {
        return e.estimatedCost() == null || createdNothing(e.status()) ? 0 : e.estimatedCost();
    }
}
