package dev.sora4j.options;

import java.util.Locale;

/**
 * A spending cap in estimated USD shared by several paid calls (e.g. the jobs of one batch). A call
 * whose estimate would pass the cap is not sent. Thread-safe.
 */
public final class Budget {
    private static final double EPSILON = 1e-9;

    private final double cap;
    private double spent;

    private Budget(double cap, double spent) {
        this.cap = cap;
        this.spent = spent;
    }

    /**
     * A budget.
     *
     * @param capUsd the most that may be spent, in USD
     * @param alreadySpentUsd what earlier calls already cost (e.g. a previous run of the same batch)
     * @return the budget
     */
    public static Budget of(double capUsd, double alreadySpentUsd) {
        return new Budget(capUsd, alreadySpentUsd);
    }

    /**
     * Reserves {@code costUsd} if it fits.
     *
     * @param costUsd the call's estimate (0 when unknown)
     * @return whether it fits; when true it now counts as spent
     */
    public synchronized boolean tryReserve(double costUsd) {
        if (spent + costUsd > cap + EPSILON) {
            return false;
        }
        spent += costUsd;
        return true;
    }

    /**
     * The cap.
     *
     * @return USD
     */
    public double cap() {
        return cap;
    }

    /**
     * What is already spent or reserved.
     *
     * @return USD
     */
    public synchronized double spent() {
        return spent;
    }

    @Override
    public synchronized String toString() {
        return String.format(Locale.ROOT, "Budget[cap=%.2f, spent=%.2f]", cap, spent);
    }
}
