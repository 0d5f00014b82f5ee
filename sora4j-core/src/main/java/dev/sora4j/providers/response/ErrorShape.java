package dev.sora4j.providers.response;

/** Which error envelope a server used (providers.md §8 "Error envelope"). */
public enum ErrorShape {
    /** {@code {"error":{"message","type","param","code"}}}: OpenAI, LiteLLM, vLLM, Azure's video service. */
    OPENAI,
    /** {@code {"error":{"code","message"}}} without {@code type}: OpenRouter (int code), Azure's gateway (string code). */
    CODE_MESSAGE,
    /** {@code {"object":"error","message","type","param","code"}}: TensorRT-LLM. */
    FLAT,
    /** FastAPI's {@code {"detail": "..." | [...]}}: SGLang, unknown routes on Python servers. */
    DETAIL,
    /** {@code {"error":"Unauthorized"}}: vLLM's API-key middleware. */
    STRING,
    /** A video object with an error status: vLLM-Omni answers a failed job's retrieve with 500 and the job. */
    JOB,
    /** A body that is not JSON (a proxy's HTML page, plain text). */
    TEXT,
    /** No body at all. */
    EMPTY
}
