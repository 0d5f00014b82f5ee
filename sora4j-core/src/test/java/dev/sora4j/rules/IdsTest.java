package dev.sora4j.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5", // OpenAI
                "video_gen_0123456789abcdef0123456789abcdef", // vLLM-Omni
                "0b1a7a52-3c55-4c87-a6f4-0a6c2d3a0f11", // UUID (SGLang)
                "char_123", // OpenAI character
                "file-abc123", // OpenAI file
                "job-abc123", // OpenRouter
                "video_bGl0ZWxsbTpjdXN0b21fbGxtX3Byb3ZpZGVyOm9wZW5haTttb2RlbF9pZDo7dmlkZW9faWQ6ZGEx+fg==", // LiteLLM
                "character_bGl0ZWxsbTpjdXN0b21fbGxtX3Byb3ZpZGVyOm9wZW5haQ" // LiteLLM, padding dropped
            })
    void admits_real_ids_of_every_provider(String id) {
        assertThat(Ids.check("--id", " " + id + "\n")).isEqualTo(id);
    }

    @Test
    void admits_a_long_litellm_id_up_to_the_limit() {
        String id = "video_" + "QUJD".repeat(126) + "=";
        assertThat(id).hasSizeLessThanOrEqualTo(Ids.MAX_LENGTH);
        assertThat(Ids.check("--id", id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "video/1|path separator",
                "video\\1|path separator",
                "..|'..'",
                "video..1|'..'",
                "video 1|whitespace",
                "video\t1|U+0009",
                "video\u00001|U+0000",
                "video\u001b[31m|U+001B",
                "video\u200b1|U+200B",
                "video\u202e1|U+202E",
                "video\u00a01|whitespace"
            })
    void refuses_what_no_id_contains(String row) {
        String[] parts = row.split("\\|");
        assertThatThrownBy(() -> Ids.check("--id", parts[0]))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("--id ")
                .hasMessageContaining(parts[1])
                .hasMessageNotContaining("\u001b");
    }

    @Test
    void refuses_empty_and_too_long_ids() {
        assertThatThrownBy(() -> Ids.check("--id", "  "))
                .hasMessage("--id is empty; pass the id exactly as `sora create` or `sora list` printed it.");
        assertThatThrownBy(() -> Ids.check("--id", "v".repeat(Ids.MAX_LENGTH + 1)))
                .hasMessageContaining("is 513 characters long; ids are at most 512");
    }
}
