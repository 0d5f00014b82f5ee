package dev.sora4j.batchapi;

import dev.sora4j.errors.SoraException;
import dev.sora4j.spi.BatchInfo;
import java.time.Duration;

/** The wait for a batch ended before the batch did; the batch goes on on the server. */
public class BatchWaitTimeoutException extends SoraException {
    private static final long serialVersionUID = 1L;
    private final transient BatchInfo lastSeen;

    /**
     * @param lastSeen the batch as last seen
     * @param timeout how long was waited
     */
    public BatchWaitTimeoutException(BatchInfo lastSeen, Duration timeout) {
        super("Timed out after " + timeout.toSeconds() + " s waiting for batch " + lastSeen.id() + " (last status "
                + lastSeen.status() + ", " + lastSeen.completed() + "/" + lastSeen.total()
                + " requests done). The batch continues on the server.");
        this.lastSeen = lastSeen;
    }

    /**
     * The batch as last seen.
     *
     * @return the batch
     */
    public BatchInfo lastSeen() {
        return lastSeen;
    }
}
