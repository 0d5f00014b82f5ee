package dev.sora4j.emulator.http;

import io.javalin.http.Context;

/**
 * Per-request marks set by the fault injectors before a route runs and obeyed by the code that
 * writes the answer or creates the job.
 */
public final class FaultFlags {
    /** Close the connection right after the headers and a first slice of the body. */
    public static final String RESET_AFTER_HEADERS = "sora4j.resetAfterHeaders";
    /** Stop a content download halfway through its declared length. */
    public static final String TRUNCATE = "sora4j.truncate";
    /**
     * Carry the request out, then answer 502 as a gateway that lost the answer does: the job (or file,
     * or batch) exists although the client heard an error.
     */
    public static final String LOSE_ANSWER = "sora4j.loseAnswer";
    /** The job this request creates ends failed. */
    public static final String FAIL_JOB = "sora4j.failJob";

    private FaultFlags() {}

    public static boolean isSet(Context ctx, String flag) {
        return Boolean.TRUE.equals(ctx.attribute(flag));
    }

    public static void set(Context ctx, String flag) {
        ctx.attribute(flag, true);
    }

    /** Marks the request {@link #LOSE_ANSWER}: carried out, then answered {@code status}. */
    public static void loseAnswer(Context ctx, int status) {
        ctx.attribute(LOSE_ANSWER, status);
    }

    /** The status that replaces the answer of a {@link #LOSE_ANSWER} request; 0 when it is not marked. */
    public static int lostAnswerStatus(Context ctx) {
        Object status = ctx.attribute(LOSE_ANSWER);
        return status instanceof Integer s ? s : 0;
    }
}
