package dev.sora4j.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    private static final List<String> KEYS = List.of("prompt", "model", "size", "seconds", "characters", "out");

    @Test
    void finds_the_closest_name_within_two_edits() {
        assertThat(Suggest.closest("sedonds", KEYS)).contains("seconds");
        assertThat(Suggest.closest("secnods", KEYS)).contains("seconds");
        assertThat(Suggest.closest("promt", KEYS)).contains("prompt");
        assertThat(Suggest.closest("Modle", KEYS)).contains("model");
        assertThat(Suggest.closest("craete", List.of("create", "create-character", "delete")))
                .contains("create");
    }

    @Test
    void does_not_guess_wildly() {
        assertThat(Suggest.closest("duration", KEYS)).isEmpty();
        assertThat(Suggest.closest("note", KEYS)).isEmpty();
    }

    @Test
    void counts_a_swap_as_one_edit() {
        assertThat(Suggest.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggest.distance("kitten", "sitting")).isEqualTo(3);
    }
}
