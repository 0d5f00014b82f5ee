package dev.sora4j.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.SoraException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** Turns the SDK's and the transport's failures into sora4j's {@link ApiException} family. */
final class SdkErrors {
    private final String baseUrl;

    SdkErrors(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Runs one SDK call, translating its exceptions. */
    <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (OpenAIServiceException e) {
            throw fromResponse(e.statusCode(), bodyText(e), e.headers(), e);
        } catch (OpenAIIoException e) {
            throw ApiException.builder()
                    .message("Could not reach " + baseUrl + ": " + rootMessage(e) + ". Check "
                            + SoraException.ref("base_url") + " / OPENAI_BASE_URL and your network.")
                    .cause(e)
                    .build();
        } catch (UncheckedIOException e) {
            throw ApiException.builder()
                    .message("I/O error talking to " + baseUrl + ": " + rootMessage(e))
                    .cause(e)
                    .build();
        }
    }

    /** An error response: raw responses carry the envelope, the SDK's exceptions hold the inner error object. */
    static ApiException fromResponse(int status, String body, Headers headers, Throwable cause) {
        JsonNode node = WireJsonParsing.read(body);
        JsonNode error = node.has("error") ? node.path("error") : node;
        return ApiException.builder()
                .status(status)
                .message(
                        error.path("message").isTextual()
                                ? error.path("message").asText()
                                : "HTTP " + status)
                .type(WireJsonParsing.text(error, "type"))
                .code(WireJsonParsing.text(error, "code"))
                .param(WireJsonParsing.text(error, "param"))
                .requestId(first(headers, "x-request-id"))
                .retryAfter(RetryAfter.parse(first(headers, "retry-after-ms"), first(headers, "retry-after"))
                        .orElse(null))
                .cause(cause)
                .build();
    }

    static String first(Headers headers, String name) {
        return headers.values(name).stream().findFirst().orElse(null);
    }

    /** The error body as JSON text; an answer without a body (e.g. a bare 416) gives an empty one. */
    private static String bodyText(OpenAIServiceException e) {
        try {
            return WireJsonParsing.write(e.body());
        } catch (UncheckedIOException noBody) {
            return "";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
