package dev.sora4j.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.InvalidRequestException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvidersTest {
    private final Providers providers = Providers.builtIn();

    @Test
    void lists_every_built_in_profile_in_table_order_with_openai_the_default() {
        assertThat(providers.all())
                .extracting(ProviderProfile::name)
                .containsExactly(
                        "openai", "azure", "litellm", "vllm-omni", "sglang", "trtllm", "openrouter", "new-api");
        assertThat(providers.defaultProfile().name()).isEqualTo("openai");
    }

    @ParameterizedTest
    @CsvSource({
        "LiteLLM, litellm",
        "' vllm_omni ', vllm-omni",
        "vllm, vllm-omni",
        "TensorRT-LLM, trtllm",
        "trtllm-serve, trtllm",
        "azure-openai, azure",
        "NEWAPI, new-api",
        "OpenRouter, openrouter",
    })
    void finds_names_case_insensitively_and_by_alias(String input, String expected) {
        assertThat(providers.require(input).name()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"litelm, litellm", "openrouer, openrouter", "sglan, sglang", "trt, trtllm", "azur, azure"})
    void suggests_the_closest_name(String typo, String expected) {
        assertThat(providers.suggestion(typo)).contains(expected);
    }

    @Test
    void an_unknown_name_is_refused_with_a_suggestion_and_every_known_name() {
        assertThatThrownBy(() -> providers.require("litelm"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("provider 'litelm' is not known; did you mean litellm?")
                .hasMessageContaining("openai, azure, litellm, vllm-omni, sglang, trtllm, openrouter, new-api");
        assertThat(providers.suggestion("kling")).isEmpty();
        assertThat(providers.find(null)).isEmpty();
    }

    @Test
    void a_custom_profile_replaces_one_of_the_same_name() {
        ProviderProfile custom = new ProviderProfile(
                "litellm",
                "My proxy",
                providers.require("litellm").endpoint(),
                providers.require("litellm").auth(),
                providers.require("litellm").create(),
                providers.require("litellm").rules(),
                "x",
                providers.require("litellm").extras(),
                Set.of(200),
                providers.require("litellm").statuses(),
                providers.require("litellm").ids(),
                providers.require("litellm").content(),
                ListPolicy.NONE,
                DeletePolicy.none(),
                Capabilities.all(),
                0,
                List.of());
        Providers more = providers.with(custom);
        assertThat(more.require("litellm").displayName()).isEqualTo("My proxy");
        assertThat(providers.require("litellm").displayName()).isEqualTo("LiteLLM proxy");
        assertThat(more.all()).hasSize(8);
    }

    @Test
    void every_profile_is_complete() {
        for (ProviderProfile p : providers.all()) {
            assertThat(p.auth().envVars()).as(p.name()).isNotEmpty();
            assertThat(p.createStatus()).as(p.name()).isNotEmpty();
            assertThat(p.statuses().documented()).as(p.name()).contains("completed", "failed");
            assertThat(p.endpoint()
                            .check(p.endpoint().example().replace("<", "").replace(">", "")))
                    .as(p.name() + " example base URL passes its own check")
                    .isEmpty();
            p.capabilities()
                    .table()
                    .forEach((f, s) -> assertThat(s.usable() || !s.note().isBlank())
                            .as(p.name() + " names an alternative for " + f)
                            .isTrue());
        }
    }
}
