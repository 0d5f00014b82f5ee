package dev.sora4j.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.InvalidRequestException;
import dev.sora4j.model.VideoRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoRulesTest {
    private final VideoRules guide = VideoRules.of(Profile.GUIDE);

    private static VideoRequest.Builder prompt() {
        return VideoRequest.builder().prompt("A paper boat");
    }

    @Test
    void defaults_are_sora2_landscape_720p_four_seconds() {
        VideoRequest r = guide.validate(prompt().build());
        assertThat(r.model()).isEqualTo("sora-2");
        assertThat(r.size()).isEqualTo("1280x720");
        assertThat(r.seconds()).isEqualTo("4");
    }

    @Test
    void guide_allows_1080p_only_on_pro_and_says_so() {
        assertThat(guide.validate(prompt().model("sora-2-pro").size("1920x1080").build()).size()).isEqualTo("1920x1080");
        assertThatThrownBy(() -> guide.validate(prompt().model("sora-2").size("1920x1080").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("size");
                    assertThat(e.getMessage()).contains("1280x720, 720x1280").contains("sora-2-pro");
                });
    }

    @Test
    void guide_seconds_are_4_to_20_in_steps_of_4() {
        for (String s : List.of("4", "8", "12", "16", "20")) {
            assertThat(guide.validate(prompt().seconds(s).build()).seconds()).isEqualTo(s);
        }
        assertThatThrownBy(() -> guide.validate(prompt().seconds("5").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("allowed: 4, 8, 12, 16, 20");
    }

    @Test
    void unknown_model_names_the_allowed_ones() {
        assertThatThrownBy(() -> guide.validate(prompt().model("sora-3").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getMessage()).contains("sora-2, sora-2-pro").contains("--profile open"));
    }

    @Test
    void spec_profile_follows_the_openapi_enums() {
        VideoRules spec = VideoRules.of(Profile.SPEC);
        assertThat(spec.validate(prompt().model("sora-2-2025-12-08").size("1792x1024").build()).model())
                .isEqualTo("sora-2-2025-12-08");
        assertThatThrownBy(() -> spec.validate(prompt().seconds("16").build())).hasMessageContaining("allowed: 4, 8, 12");
        assertThatThrownBy(() -> spec.validate(prompt().model("sora-2-pro").size("1920x1080").build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void open_profile_checks_no_model_size_or_seconds_but_still_the_character_limit() {
        VideoRules open = VideoRules.of(Profile.OPEN);
        VideoRequest r = open.validate(prompt().model("wan-2.5").size("640x360").seconds("7").build());
        assertThat(r.model()).isEqualTo("wan-2.5");
        assertThatThrownBy(() -> open.validate(prompt().characterIds(List.of("a", "b", "c")).build()))
                .hasMessageContaining("at most 2");
    }

    @Test
    void prompt_must_be_present_and_at_most_32000_chars() {
        assertThatThrownBy(() -> guide.validate(VideoRequest.builder().prompt("  ").build())).hasMessageContaining("--prompt");
        assertThatThrownBy(() -> guide.validate(VideoRequest.builder().prompt("x".repeat(32_001)).build()))
                .hasMessageContaining("32000");
        assertThat(guide.validate(VideoRequest.builder().prompt("x".repeat(32_000)).build()).prompt()).hasSize(32_000);
    }
}
