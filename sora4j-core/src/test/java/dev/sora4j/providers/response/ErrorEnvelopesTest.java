package dev.sora4j.providers.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.providers.response.ApiError.Category;
import org.junit.jupiter.api.Test;

/** One case per envelope in providers.md §8 "Error envelope", bodies as the sections quote them. */
class ErrorEnvelopesTest {
    @Test
    void openai_envelope() {
        ApiError e = ErrorEnvelopes.parse(
                400,
                "{\"error\":{\"message\":\"Invalid size\",\"type\":\"invalid_request_error\",\"param\":\"size\",\"code\":null}}");
        assertThat(e)
                .isEqualTo(new ApiError(
                        400,
                        null,
                        "invalid_request_error",
                        "Invalid size",
                        "size",
                        ErrorShape.OPENAI,
                        Category.INVALID_REQUEST));
    }

    @Test
    void litellm_sends_code_and_param_as_strings() {
        ApiError e = ErrorEnvelopes.parse(
                401,
                "{\"error\":{\"message\":\"Authentication Error, No api key passed in.\",\"type\":\"auth_error\",\"param\":\"None\",\"code\":\"401\"}}");
        assertThat(e.code()).isEqualTo("401");
        assertThat(e.param()).isNull();
        assertThat(e.category()).isEqualTo(Category.AUTH);
    }

    @Test
    void vllm_envelope_has_a_reason_phrase_type_and_an_int_code() {
        ApiError e = ErrorEnvelopes.parse(
                404,
                "{\"error\":{\"message\":\"Video not found\",\"type\":\"Not Found\",\"param\":null,\"code\":404}}");
        assertThat(e.code()).isEqualTo("404");
        assertThat(e.type()).isEqualTo("Not Found");
        assertThat(e.category()).isEqualTo(Category.NOT_FOUND);
    }

    @Test
    void vllm_auth_middleware_string_error() {
        ApiError e = ErrorEnvelopes.parse(401, "{\"error\":\"Unauthorized\"}");
        assertThat(e.shape()).isEqualTo(ErrorShape.STRING);
        assertThat(e.message()).isEqualTo("Unauthorized");
        assertThat(e.category()).isEqualTo(Category.AUTH);
    }

    @Test
    void trtllm_flat_envelope() {
        ApiError e = ErrorEnvelopes.parse(
                400,
                "{\"object\":\"error\",\"message\":\"Video video_1 is not ready (status: generating)\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}");
        assertThat(e.shape()).isEqualTo(ErrorShape.FLAT);
        assertThat(e.type()).isEqualTo("BadRequestError");
        assertThat(e.category()).isEqualTo(Category.NOT_READY);
    }

    @Test
    void fastapi_detail_string_and_validation_list() {
        ApiError missing = ErrorEnvelopes.parse(404, "{\"detail\":\"Video not found\"}");
        assertThat(missing.shape()).isEqualTo(ErrorShape.DETAIL);
        assertThat(missing.category()).isEqualTo(Category.NOT_FOUND);
        ApiError route = ErrorEnvelopes.parse(405, "{\"detail\":\"Method Not Allowed\"}");
        assertThat(route.category()).isEqualTo(Category.ROUTE_MISSING);
        assertThat(ErrorEnvelopes.parse(404, "{\"detail\":\"Not Found\"}").category())
                .isEqualTo(Category.ROUTE_MISSING);
        ApiError invalid = ErrorEnvelopes.parse(
                422,
                "{\"detail\":[{\"loc\":[\"body\",\"limit\"],\"msg\":\"Input should be less than or equal to 100\",\"type\":\"x\"}]}");
        assertThat(invalid.message()).isEqualTo("limit: Input should be less than or equal to 100");
        assertThat(invalid.param()).isEqualTo("limit");
        assertThat(ErrorEnvelopes.parse(404, "{\"detail\":\"Generation is still in-progress\"}")
                        .category())
                .isEqualTo(Category.NOT_READY);
    }

    @Test
    void openrouter_and_azure_gateway_code_message_envelopes() {
        ApiError or = ErrorEnvelopes.parse(401, "{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}");
        assertThat(or.shape()).isEqualTo(ErrorShape.CODE_MESSAGE);
        assertThat(or.code()).isEqualTo("401");
        ApiError az = ErrorEnvelopes.parse(
                401,
                "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key or wrong API endpoint.\"}}");
        assertThat(az.shape()).isEqualTo(ErrorShape.CODE_MESSAGE);
        assertThat(az.category()).isEqualTo(Category.AUTH);
    }

    @Test
    void azure_specific_messages_are_categorised() {
        ApiError deployment = ErrorEnvelopes.parse(
                404,
                "{\"error\":{\"message\":\"The API deployment 'sora-2' for this resource does not exist.\",\"type\":\"video_generation_user_error\",\"param\":null,\"code\":null}}");
        assertThat(deployment.category()).isEqualTo(Category.CONFIGURATION);
        ApiError cap =
                ErrorEnvelopes.parse(429, "{\"error\":{\"code\":\"429\",\"message\":\"Too many running tasks\"}}");
        assertThat(cap.category()).isEqualTo(Category.CONCURRENCY_LIMIT);
        assertThat(cap.isTransient()).isTrue();
        assertThat(ErrorEnvelopes.parse(429, "{\"error\":{\"message\":\"Rate limit\",\"type\":\"x\"}}")
                        .category())
                .isEqualTo(Category.RATE_LIMIT);
    }

    @Test
    void a_failed_job_answered_with_500_is_a_job_not_a_transport_error() {
        ApiError e = ErrorEnvelopes.parse(
                500,
                "{\"id\":\"video_gen_1\",\"object\":\"video\",\"status\":\"failed\",\"error\":{\"code\":\"500\",\"message\":\"CUDA out of memory\"}}");
        assertThat(e.shape()).isEqualTo(ErrorShape.JOB);
        assertThat(e.category()).isEqualTo(Category.JOB_FAILED);
        assertThat(e.message()).isEqualTo("CUDA out of memory");
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void bodies_in_no_known_shape_never_fail() {
        assertThat(ErrorEnvelopes.parse(502, "<html><body>Bad gateway</body></html>")
                        .message())
                .isEqualTo("HTTP 502");
        assertThat(ErrorEnvelopes.parse(503, "upstream connect error").message())
                .isEqualTo("upstream connect error");
        assertThat(ErrorEnvelopes.parse(500, null).shape()).isEqualTo(ErrorShape.EMPTY);
        assertThat(ErrorEnvelopes.parse(500, "[1,2]").category()).isEqualTo(Category.SERVER);
        assertThat(ErrorEnvelopes.parse(500, "x".repeat(2000)).message()).hasSizeLessThan(600);
    }
}
