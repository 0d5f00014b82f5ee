package dev.sora4j.options;

import dev.sora4j.model.VideoJob;

/** Hears about every status response while waiting. */
public interface PollListener {
    /** Hears nothing. */
    PollListener NONE = job -> {};

    /**
     * Called with every status response.
     *
     * @param job the job
     */
    void onUpdate(VideoJob job);

    /**
     * Called once per unknown status value; the job is treated as still running.
     *
     * @param job the job
     */
    default void onUnknownStatus(VideoJob job) {}
}
