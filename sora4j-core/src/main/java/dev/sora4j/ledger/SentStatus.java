package dev.sora4j.ledger;

/** What a ledger status says about money: which entries certainly created nothing on the server. */
public final class SentStatus {
    /** The service refused the request: nothing was created. */
    public static final String REFUSED = "refused";

    /** The request never left this machine (no connection): nothing was created, re-sending is safe. */
    public static final String NOT_SENT = "not_sent";

    private SentStatus() {}

    /** Whether an entry with this status certainly created nothing (it costs nothing, it is sent again). */
    public static boolean createdNothing(String status) {
        return REFUSED.equals(status) || NOT_SENT.equals(status);
    }

    /** The estimated cost an entry counts for in totals: nothing when nothing was created. */
    public static double spend(LedgerEntry e) {
        return e.estimatedCost() == null || createdNothing(e.status()) ? 0 : e.estimatedCost();
    }
}
