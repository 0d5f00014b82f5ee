package dev.sora4j.providers.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Probe answers as each server in providers.md would give them; the guess must name that server. */
class DialectGuesserTest {
    private final DialectGuesser guesser = new DialectGuesser(Providers.builtIn());

    private String guess(String baseUrl, OptionalInt createStatus, Observation... observations) {
        return guesser.guess(baseUrl, List.of(observations), createStatus)
                .provider()
                .map(ProviderProfile::name)
                .orElse("none");
    }

    @Test
    void the_plan_only_reads() {
        assertThat(ProbePlan.standard()).allSatisfy(p -> assertThat(p.method()).isEqualTo("GET"));
        assertThat(ProbePlan.standard()).extracting(Probe::path).doesNotHaveDuplicates();
    }

    @Test
    void litellm_by_headers_and_encoded_ids() {
        String id = "video_"
                + Base64.getEncoder()
                        .encodeToString("litellm:custom_llm_provider:openai;model_id:sora-2;video_id:video_1"
                                .getBytes(StandardCharsets.UTF_8));
        Observation list = new Observation(
                ProbePlan.LIST,
                200,
                Map.of("X-LiteLLM-Version", "1.80.0"),
                "{\"object\":\"list\",\"data\":[{\"id\":\"" + id
                        + "\"}],\"first_id\":\"video_1\",\"last_id\":\"video_1\",\"has_more\":false}");
        DialectGuess g = guesser.guess("http://localhost:4000/v1", List.of(list), OptionalInt.empty());
        assertThat(g.provider().map(ProviderProfile::name)).contains("litellm");
        assertThat(g.confidence()).isEqualTo(DialectGuess.Confidence.HIGH);
        assertThat(g.reasons()).anyMatch(r -> r.contains("x-litellm"));
        assertThat(g.advice()).contains("--provider litellm").contains("LITELLM_API_KEY");
    }

    @Test
    void litellm_by_its_auth_error_without_a_key() {
        assertThat(
                        guess(
                                "http://localhost:4000/v1",
                                OptionalInt.empty(),
                                Observation.of(
                                        ProbePlan.LIST,
                                        401,
                                        "{\"error\":{\"message\":\"Authentication Error, No api key passed in.\",\"type\":\"auth_error\",\"param\":\"None\",\"code\":\"401\"}}")))
                .isEqualTo("litellm");
    }

    @Test
    void vllm_omni_by_its_error_envelope_and_ids() {
        assertThat(
                        guess(
                                "http://gpu:8091/v1",
                                OptionalInt.empty(),
                                Observation.of(
                                        ProbePlan.LIST,
                                        200,
                                        "{\"object\":\"list\",\"data\":[{\"id\":\"video_gen_2b7d37f131414cca9e3569181876e6ee\"}],\"first_id\":null,\"last_id\":null,\"has_more\":false}"),
                                Observation.of(
                                        ProbePlan.MISSING_JOB,
                                        404,
                                        "{\"error\":{\"message\":\"Video not found\",\"type\":\"Not Found\",\"param\":null,\"code\":404}}")))
                .isEqualTo("vllm-omni");
        assertThat(guess(
                        "http://gpu:8091/v1",
                        OptionalInt.empty(),
                        Observation.of(ProbePlan.LIST, 401, "{\"error\":\"Unauthorized\"}")))
                .isEqualTo("vllm-omni");
    }

    @Test
    void sglang_by_fastapi_detail_and_a_list_without_cursors() {
        assertThat(guess(
                        "http://gpu:30000/v1",
                        OptionalInt.empty(),
                        Observation.of(ProbePlan.LIST, 200, "{\"data\":[],\"object\":\"list\"}"),
                        Observation.of(ProbePlan.MISSING_JOB, 404, "{\"detail\":\"Video not found\"}")))
                .isEqualTo("sglang");
    }

    @Test
    void trtllm_by_its_flat_errors() {
        assertThat(
                        guess(
                                "http://gpu:8000/v1",
                                OptionalInt.of(202),
                                Observation.of(ProbePlan.LIST, 200, "{\"data\":[],\"object\":\"list\"}"),
                                Observation.of(
                                        ProbePlan.MISSING_JOB,
                                        404,
                                        "{\"object\":\"error\",\"message\":\"Video not found\",\"type\":\"NotFoundError\",\"param\":null,\"code\":404}")))
                .isEqualTo("trtllm");
    }

    @Test
    void openrouter_by_its_video_model_catalogue() {
        assertThat(guess(
                        "https://proxy.example/api/v1",
                        OptionalInt.empty(),
                        Observation.of(
                                ProbePlan.LIST, 405, "{\"error\":{\"code\":405,\"message\":\"Method not allowed\"}}"),
                        Observation.of(
                                ProbePlan.VIDEO_MODELS,
                                200,
                                "{\"data\":[{\"id\":\"google/veo-3.1\",\"supported_durations\":[4,6,8]}]}")))
                .isEqualTo("openrouter");
    }

    @Test
    void new_api_by_no_list_and_no_catalogue() {
        assertThat(guess(
                        "https://gw.example/v1",
                        OptionalInt.empty(),
                        Observation.of(ProbePlan.LIST, 404, "404 page not found"),
                        Observation.of(
                                ProbePlan.VIDEO_MODELS,
                                404,
                                "{\"error\":{\"message\":\"task not found\",\"type\":\"new_api_error\"}}"),
                        Observation.of(
                                ProbePlan.MISSING_JOB,
                                404,
                                "{\"error\":{\"message\":\"task not found\",\"type\":\"new_api_error\"}}")))
                .isEqualTo("new-api");
    }

    @Test
    void azure_and_openai_by_host_and_envelope() {
        assertThat(guess("https://res.openai.azure.com/openai/v1", OptionalInt.empty()))
                .isEqualTo("azure");
        assertThat(
                        guess(
                                "http://localhost:8080/v1",
                                OptionalInt.empty(),
                                Observation.of(
                                        ProbePlan.LIST,
                                        200,
                                        "{\"object\":\"list\",\"data\":[{\"id\":\"video_0123456789abcdef0123456789abcdef0123456789abcdef\"}],\"has_more\":false}"),
                                Observation.of(
                                        ProbePlan.MISSING_JOB,
                                        404,
                                        "{\"error\":{\"message\":\"Video not found\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}")))
                .isEqualTo("openai");
    }

    @Test
    void nothing_recognisable_gives_no_guess() {
        DialectGuess g = guesser.guess(
                "http://localhost:9/v1",
                List.of(new Observation(ProbePlan.LIST, 0, Map.of(), "")),
                OptionalInt.empty());
        assertThat(g.provider()).isEmpty();
        assertThat(g.confidence()).isEqualTo(DialectGuess.Confidence.NONE);
        assertThat(g.advice()).contains("no known dialect");
    }
}
