package dev.sora4j.providers.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusVocabularyTest {
    private final Providers providers = Providers.builtIn();

    @ParameterizedTest
    @CsvSource({
        "openrouter, pending, queued, QUEUED",
        "openrouter, cancelled, cancelled, CANCELLED",
        "openrouter, expired, expired, EXPIRED",
        "trtllm, generating, in_progress, RUNNING",
        "trtllm, postprocessing, in_progress, RUNNING",
        "litellm, processing, in_progress, RUNNING",
        "sglang, processing, in_progress, RUNNING",
        "sglang, deleted, deleted, DELETED",
        "openai, canceled, cancelled, CANCELLED",
        "azure, COMPLETED, completed, SUCCEEDED",
        "vllm-omni, failed, failed, FAILED",
    })
    void maps_provider_words_to_sora4j_statuses(String provider, String raw, String status, Phase phase) {
        MappedStatus m = providers.require(provider).status(raw);
        assertThat(m.status().value()).isEqualTo(status);
        assertThat(m.phase()).isEqualTo(phase);
        assertThat(m.raw()).isEqualTo(raw);
    }

    @Test
    void every_documented_word_of_every_provider_is_known() {
        for (ProviderProfile p : providers.all()) {
            for (String word : p.statuses().documented()) {
                assertThat(p.status(word).phase()).as(p.name() + " " + word).isNotEqualTo(Phase.UNKNOWN);
            }
        }
    }

    @Test
    void terminal_phases() {
        assertThat(Phase.DELETED.isTerminal()).isTrue();
        assertThat(Phase.EXPIRED.isFailure()).isTrue();
        assertThat(Phase.SUCCEEDED.isFailure()).isFalse();
        assertThat(Phase.RUNNING.isTerminal()).isFalse();
        assertThat(Phase.UNKNOWN.isTerminal()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "warming_up", "  "})
    void unknown_words_never_crash_and_read_as_still_running(String raw) {
        MappedStatus m = providers.require("trtllm").status(raw);
        assertThat(m.phase()).isEqualTo(Phase.UNKNOWN);
        assertThat(m.status().isTerminal()).isFalse();
        assertThat(m.status().value()).isEqualTo(raw == null ? "" : raw);
    }
}
