package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.providers.Feature;
import dev.sora4j.providers.Providers;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code sora providers}: the capability table, each profile's settings, {@code --json}; nothing sent. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProvidersIT {
    private final CliRun sora = new CliRun(Map.of("SORA4J_HOME", "/nonexistent"), Clock.systemUTC(), d -> {});

    @Test
    void the_table_has_a_row_per_feature_and_a_column_per_provider() {
        CliRun.Result r = sora.run("providers");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0))
                .startsWith("COMMAND / FEATURE")
                .contains("openai", "azure", "litellm", "vllm-omni", "sglang", "trtllm", "openrouter", "new-api");
        for (Feature f : Feature.values()) {
            assertThat(lines).anyMatch(l -> l.startsWith(f.label() + " "));
        }
        String delete =
                lines.stream().filter(l -> l.startsWith("delete ")).findFirst().orElseThrow();
        // openai azure litellm vllm-omni sglang trtllm openrouter new-api
        assertThat(delete.split("\\s{2,}"))
                .containsExactly("delete", "yes", "yes", "no", "yes¹", "yes¹", "yes¹", "no", "no");
    }

    @Test
    void each_profile_shows_base_url_header_key_variable_and_notes() {
        CliRun.Result r = sora.run("providers");
        assertThat(r.out())
                .contains("azure - Azure OpenAI (Sora 2, v1 API)")
                .contains("credential:   api-key: <key>")
                .contains("key variable: AZURE_OPENAI_API_KEY or AZURE_OPENAI_KEY (required)")
                .contains("base URL:     none; set --base-url, e.g. https://<resource>.openai.azure.com/openai/v1")
                .contains("base URL:     https://openrouter.ai/api/v1 (routes under /api/v1)")
                .contains("delete (no): LiteLLM's proxy has no delete route (405)");
    }

    @Test
    void one_provider_and_json() {
        CliRun.Result one = sora.run("providers", "vllm");
        assertThat(one.code()).isZero();
        assertThat(one.out()).contains("vllm-omni - vLLM-Omni").doesNotContain("azure - ");

        CliRun.Result json = sora.run("providers", "--json");
        assertThat(json.code()).isZero();
        assertThat(json.out())
                .contains("\"name\" : \"trtllm\"")
                .contains("\"key_env_vars\" : [ \"NEW_API_KEY\" ]")
                .contains("\"support\" : \"unsupported\"");
        assertThat(json.out().split("\"display_name\""))
                .hasSize(Providers.builtIn().all().size() + 1);
    }

    @Test
    void an_unknown_name_is_exit_2_with_a_suggestion() {
        CliRun.Result r = sora.run("providers", "openrouterr");
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(r.err()).contains("openrouterr").contains("did you mean openrouter");
    }
}
