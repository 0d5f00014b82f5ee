package dev.sora4j.errors;

import dev.sora4j.model.VideoJob;
import java.time.Duration;

/** Waiting for a job took longer than the caller allowed; the job itself goes on. */
public class WaitTimeoutException extends SoraException {
    private static final long serialVersionUID = 1L;

    private final transient VideoJob lastSeen;

    /**
     * The wait ran out.
     *
     * @param lastSeen the job as last seen
     * @param timeout the wait's limit
     */
    public WaitTimeoutException(VideoJob lastSeen, Duration timeout) {
        super("Timed out after " + timeout.toSeconds() + " s waiting for " + lastSeen.id() + " (last status "
                + lastSeen.status().value() + ", " + lastSeen.progress() + "%). The job continues on the server.");
        this.lastSeen = lastSeen;
    }

    /**
     * The job as last seen.
     *
     * @return the job as last seen
     */
    public VideoJob lastSeen() {
        return lastSeen;
    }
}
