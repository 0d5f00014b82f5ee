package dev.sora4j.queue;

import java.util.List;
import java.util.Map;

/**
 * A queue's progress across all workers.
 *
 * @param queue the queue's name
 * @param counts items by state (pending, claimed, done, failed, skipped, cancelled)
 * @param maxCost the queue's budget in USD, or null
 * @param reserved the estimated cost of the lines claimed so far, which the budget counts
 * @param spent the estimated cost of the jobs the service created, from the ledger
 * @param cancelled whether the queue was cancelled
 * @param workers lines held now, by worker
 * @param failures the failed and skipped lines (at most 50), each as {@code source:line: error}
 */
public record QueueStatus(
        String queue,
        Map<String, Integer> counts,
        Double maxCost,
        double reserved,
        double spent,
        boolean cancelled,
        Map<String, Integer> workers,
        List<String> failures) {
    /**
     * Lines not yet finished: pending or claimed.
     *
     * @return how many
     */
    public int open() {
        return counts.getOrDefault("pending", 0) + counts.getOrDefault("claimed", 0);
    }
}
