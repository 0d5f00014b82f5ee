package dev.sora4j.emulator.jobs;

import java.util.Map;

/** Error objects the emulator gives failed jobs. */
public final class JobFailures {
    /** A job of a batch that was cancelled before the job finished. */
    public static final String CANCELLED_CODE = "batch_cancelled";

    /** Failure planned for an injected fault ({@code fail-job} or the chaos job-failure rate). */
    public static final Map<String, String> INJECTED = Map.of(
            "code",
            "internal_error",
            "message",
            "Video generation failed due to an internal error (injected by the sora4j emulator).");

    private JobFailures() {}
}
