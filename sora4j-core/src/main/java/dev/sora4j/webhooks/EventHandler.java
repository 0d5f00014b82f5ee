package dev.sora4j.webhooks;

import dev.sora4j.batchapi.BatchApiStore;

/** Acts on one verified, recorded delivery (downloads, ledger updates, collect). */
@FunctionalInterface
public interface EventHandler {
    /**
     * Processes the delivery; an exception marks it failed (it is not retried by the receiver).
     *
     * @param delivery the recorded delivery
     * @return what was done, recorded with the delivery
     */
    String handle(BatchApiStore.Delivery delivery);
}
