package dev.sora4j.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointAuthIdsTest {
    private final Providers providers = Providers.builtIn();

    @Test
    void base_urls_default_where_the_provider_is_hosted_and_are_required_where_self_hosted() {
        assertThat(providers.require("openai").endpoint().resolve(null)).contains("https://api.openai.com/v1");
        assertThat(providers.require("openrouter").endpoint().resolve(" ")).contains("https://openrouter.ai/api/v1");
        assertThat(providers.require("litellm").endpoint().baseUrlRequired()).isTrue();
        assertThat(providers.require("litellm").endpoint().resolve(null)).isEmpty();
        assertThat(providers.require("litellm").endpoint().resolve("http://localhost:4000/v1//"))
                .contains("http://localhost:4000/v1");
    }

    @Test
    void a_base_url_without_the_provider_prefix_gets_a_warning() {
        Endpoint azure = providers.require("azure").endpoint();
        assertThat(azure.check("https://r.openai.azure.com/openai/v1")).isEmpty();
        assertThat(azure.check("https://r.openai.azure.com/v1"))
                .get()
                .asString()
                .contains("/openai/v1");
        assertThat(providers.require("openrouter").endpoint().check("https://openrouter.ai/v1"))
                .get()
                .asString()
                .contains("/api/v1");
        assertThat(providers.require("vllm-omni").endpoint().check("localhost:8091"))
                .isPresent();
    }

    @Test
    void each_provider_reads_only_its_own_key_variable() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-openai", "AZURE_OPENAI_KEY", "az-key");
        assertThat(providers.require("openai").auth().keyFrom(env)).contains("sk-openai");
        assertThat(providers.require("litellm").auth().keyFrom(env)).isEmpty();
        assertThat(providers.require("openrouter").auth().keyFrom(env)).isEmpty();
        assertThat(providers.require("azure").auth().keyFrom(env)).contains("az-key");
        assertThat(providers
                        .require("azure")
                        .auth()
                        .keyFrom(Map.of("AZURE_OPENAI_API_KEY", "first", "AZURE_OPENAI_KEY", "x")))
                .contains("first");
    }

    @Test
    void headers_follow_the_scheme() {
        assertThat(providers.require("azure").auth().header("k")).contains(Map.entry("api-key", "k"));
        assertThat(providers.require("litellm").auth().header("sk-1"))
                .contains(Map.entry("Authorization", "Bearer sk-1"));
        assertThat(providers.require("vllm-omni").auth().header(null)).isEmpty();
        assertThat(providers.require("vllm-omni").auth().need()).isEqualTo(Auth.Need.OPTIONAL);
        assertThat(providers.require("openrouter").auth().missingKeyMessage("openrouter"))
                .contains("OPENROUTER_API_KEY")
                .doesNotContain("sk-");
    }

    @Test
    void litellm_ids_decode_with_or_without_padding_and_match_across_encodings() {
        String fromCreate = liteLlmId("litellm:custom_llm_provider:openai;model_id:sora-2;video_id:video_abc");
        String fromRetrieve = liteLlmId("litellm:custom_llm_provider:openai;model_id:;video_id:video_abc");
        assertThat(fromCreate).isNotEqualTo(fromRetrieve);
        assertThat(IdPolicy.liteLlmBackendId(fromCreate)).contains("video_abc");
        assertThat(IdPolicy.liteLlmBackendId(fromRetrieve.replaceAll("=+$", "")))
                .contains("video_abc");
        assertThat(IdPolicy.sameJob(fromCreate, fromRetrieve)).isTrue();
        assertThat(IdPolicy.sameJob(fromCreate, "video_abc")).isTrue();
        assertThat(IdPolicy.sameJob(fromCreate, "video_other")).isFalse();
        assertThat(IdPolicy.liteLlmBackendId("video_0123abcd")).isEmpty();
        assertThat(providers.require("litellm").ids().matches(fromCreate)).isTrue();
        assertThat(providers.require("litellm").ids().mayChange()).isTrue();
    }

    @Test
    void ids_become_safe_path_segments_and_bounded_file_names() {
        assertThat(IdPolicy.pathSegment("video_QUJD+/==")).isEqualTo("video_QUJD+%2F==");
        assertThat(IdPolicy.fileStem("video_123")).isEqualTo("video_123");
        String longId = liteLlmId("litellm:custom_llm_provider:openai;model_id:a-long-deployment-name;video_id:video_"
                + "0123456789abcdef0123456789abcdef0123456789abcdef");
        String other = longId.substring(0, longId.length() - 4) + "AAAA";
        assertThat(IdPolicy.fileStem(longId))
                .hasSizeLessThanOrEqualTo(IdPolicy.MAX_FILE_STEM)
                .matches("[A-Za-z0-9._-]+");
        assertThat(IdPolicy.fileStem(longId)).isNotEqualTo(IdPolicy.fileStem(other));
    }

    @Test
    void id_shapes_from_providers_md() {
        assertThat(providers.require("vllm-omni").ids().matches("video_gen_2b7d37f131414cca9e3569181876e6ee"))
                .isTrue();
        assertThat(providers.require("trtllm").ids().matches("video_e4d4a20c00164a5fa5b024332c15e935"))
                .isTrue();
        assertThat(providers.require("sglang").ids().matches("d9621d9b-a41d-447d-b295-a5d6cc177636"))
                .isTrue();
        assertThat(providers.require("new-api").ids().matches("anything")).isFalse();
    }

    private static String liteLlmId(String plain) {
        return "video_" + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
