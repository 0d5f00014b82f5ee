package dev.sora4j.providers.response;

/**
 * A server's error answer in one neutral form, whatever envelope it came in. Holds what the server
 * said, never anything from the request.
 *
 * @param status the HTTP status
 * @param code the server's code as a string (LiteLLM sends {@code "401"}, vLLM and OpenRouter an int), or null
 * @param type the server's type ({@code invalid_request_error}, {@code NotFoundError}, a reason phrase), or null
 * @param message a one-line message; {@code HTTP <status>} when the server gave none
 * @param param the request field at fault, or null (LiteLLM's literal {@code "None"} becomes null)
 * @param shape the envelope it came in
 * @param category what a client should make of it
 */
public record ApiError(
        int status, String code, String type, String message, String param, ErrorShape shape, Category category) {

    /** How a client should react; derived from status, envelope and well-known messages. */
    public enum Category {
        /** 401/403: the key or the account (exit 4). */
        AUTH,
        /** The endpoint is set up differently: unknown Azure deployment, model not served (exit 4). */
        CONFIGURATION,
        /** The route does not exist on this server (405, or FastAPI's bare 404 "Not Found"). */
        ROUTE_MISSING,
        /** The job does not exist (or belongs to someone else). */
        NOT_FOUND,
        /** Content asked for before the job completed; poll first. */
        NOT_READY,
        /** Azure's cap of two running jobs: wait for one to finish, do not back off hard (providers.md §5). */
        CONCURRENCY_LIMIT,
        /** 429 rate limit: retry after the server's hint. */
        RATE_LIMIT,
        /** 400/409/413/422: the request itself (exit 3). */
        INVALID_REQUEST,
        /** 5xx: transient or server-side. */
        SERVER,
        /** The body is a job that failed; treat as a terminal job state, not a transport error. */
        JOB_FAILED
    }

    /**
     * Worth retrying the same request unchanged.
     *
     * @return true for {@link Category#SERVER}, {@link Category#RATE_LIMIT} and
     *     {@link Category#CONCURRENCY_LIMIT}
     */
    public boolean isTransient() {
        return category == Category.SERVER || category == Category.RATE_LIMIT || category == Category.CONCURRENCY_LIMIT;
    }
}
