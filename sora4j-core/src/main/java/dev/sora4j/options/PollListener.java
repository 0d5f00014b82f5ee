package dev.sora4j.options;

import dev.sora4j.model.VideoJob;

/** Hears about every status response while waiting. */
public interface PollListener {
    PollListener NONE = job -> {};

    void onUpdate(VideoJob job);

    /** Called once per unknown status value; the job is treated as still running. */
    default void onUnknownStatus(VideoJob job) {}
}
