package dev.sora4j.providers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code DELETE /videos/{id}} does on a provider and how its answer reads (providers.md §8 "Delete").
 *
 * @param answer the shape of a successful answer
 * @param cancelsRunning deleting a queued or running job stops it (vLLM-Omni, TRT-LLM); SGLang only
 *     removes the record while the render goes on (§3)
 */
public record DeletePolicy(Answer answer, boolean cancelsRunning) {
    /** The shape of a successful delete answer. */
    public enum Answer {
        /** {@code {"id","object":"video.deleted","deleted":true}} (OpenAI, Azure, vLLM-Omni). */
        DELETED_OBJECT,
        /** The job with {@code "status":"deleted"} (SGLang). */
        JOB_WITH_DELETED_STATUS,
        /** {@code {"deleted":true}} and nothing else (TRT-LLM). */
        DELETED_FLAG,
        /** No delete route. */
        NONE
    }

    /**
     * The policy of a provider with no delete route.
     *
     * @return a policy with {@link Answer#NONE} that cancels nothing
     */
    public static DeletePolicy none() {
        return new DeletePolicy(Answer.NONE, false);
    }

    /**
     * Whether a 2xx answer body confirms the deletion, in any of the shapes above.
     *
     * @param body the parsed answer body
     * @return true when it has {@code "deleted":true} or {@code "status":"deleted"}
     */
    public boolean confirms(JsonNode body) {
        return body.path("deleted").asBoolean(false)
                || "deleted".equals(body.path("status").asText());
    }
}
