package dev.sora4j.internal.calls;

/**
 * What {@link CallRecorder} got for a paid call.
 *
 * @param result the service's answer, or null when the object was adopted after a lost answer
 * @param id the created object's id
 * @param attempts requests sent
 * @param adopted whether the object was found on the server after no answer came back
 * @param <T> the answer's type
 */
public record Sent<T>(T result, String id, int attempts, boolean adopted) {}
