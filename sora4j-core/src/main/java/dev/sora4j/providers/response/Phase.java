package dev.sora4j.providers.response;

/**
 * What a provider's status word means, independent of the word. Every provider's vocabulary maps
 * onto these; a word nobody knows is {@link #UNKNOWN} and is treated as still running, never as an
 * error.
 */
public enum Phase {
    /** Accepted, not started ({@code queued}, OpenRouter's {@code pending}). */
    QUEUED,
    /** Rendering ({@code in_progress}, {@code processing}, TRT-LLM's {@code generating}...). */
    RUNNING,
    /** Done, with a video to download ({@code completed}). */
    SUCCEEDED,
    /** Done without a video: the render failed. */
    FAILED,
    /** Stopped before it finished ({@code cancelled}/{@code canceled}). */
    CANCELLED,
    /** The content is no longer available. */
    EXPIRED,
    /** The record was removed (SGLang answers a delete with {@code status: "deleted"}). */
    DELETED,
    /** A word this library does not know yet: keep polling. */
    UNKNOWN;

    /**
     * The job will not change any more.
     *
     * @return true for every phase but {@link #QUEUED}, {@link #RUNNING} and {@link #UNKNOWN}
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == EXPIRED || this == DELETED;
    }

    /**
     * Terminal without a video to download.
     *
     * @return true when terminal and not {@link #SUCCEEDED}
     */
    public boolean isFailure() {
        return isTerminal() && this != SUCCEEDED;
    }
}
