package dev.sora4j.providers.doctor;

import java.util.List;

/** The probes {@code sora doctor} sends, in order. All are GETs (see {@link Probe}). */
public final class ProbePlan {
    /** An id no server has; its 404 shows the server's error envelope (and whether the key works). */
    public static final String MISSING_ID = "video_sora4jdoctorprobe00000000";

    /** The list route with a one-item page: reachability, auth and the page shape. */
    public static final String LIST = "videos?limit=1";
    /** Retrieving the job {@link #MISSING_ID}: the server's error envelope for an unknown job. */
    public static final String MISSING_JOB = "videos/" + MISSING_ID;
    /** OpenRouter's video model catalogue; a 404 elsewhere. */
    public static final String VIDEO_MODELS = "videos/models";
    /** The served model names, informational only. */
    public static final String MODELS = "models";

    private ProbePlan() {}

    /**
     * The probes {@code sora doctor} sends: list, unknown job, video models, models.
     *
     * @return the probes, in sending order
     */
    public static List<Probe> standard() {

        return List.of(
                new Probe(
                        LIST,
                        "reachability, auth, whether a list route exists and its page shape, response headers",
                        true),
                new Probe(
                        MISSING_JOB, "the error envelope for an unknown job (every server has a retrieve route)", true),
                new Probe(
                        VIDEO_MODELS,
                        "OpenRouter's video model catalogue; elsewhere a 404 in the server's envelope",
                        true),
                new Probe(MODELS, "the served model names, to suggest --model (not used for the guess)", false));
    }
}
