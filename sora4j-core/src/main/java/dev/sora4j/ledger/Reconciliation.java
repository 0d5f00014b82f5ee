package dev.sora4j.ledger;

import java.util.List;
import java.util.Map;

/**
 * What became of creates that got no answer, found by matching them with recent videos on the
 * server; the ledger already records the outcome.
 *
 * @param adopted ledger seq to the server's video id
 * @param resend intents nothing was found for: safe to send again
 * @param ambiguous intents with more candidate videos than intents, with the candidates' ids
 */
public record Reconciliation(Map<Long, String> adopted, List<Long> resend, Map<Long, List<String>> ambiguous) {
    /**
     * Copies the collections.
     *
     * @param adopted true when found on the server after a lost answer
     * @param ambiguous the ambiguous
     * @param resend the resend
     */
    public Reconciliation {
        adopted = Map.copyOf(adopted);
        resend = List.copyOf(resend);
        ambiguous = Map.copyOf(ambiguous);
    }
}
