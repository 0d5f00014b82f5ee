package dev.sora4j.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.InvalidRequestException;
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
        assertThat(guide.validate(prompt().model("sora-2-pro").size("1920x1080").build())
                        .size())
                .isEqualTo("1920x1080");
        assertThatThrownBy(() -> guide.validate(
                        prompt().model("sora-2").size("1920x1080").build()))
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
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("allowed: 4, 8, 12, 16, 20");
    }

    @Test
    void unknown_model_names_the_allowed_ones() {
        assertThatThrownBy(() -> guide.validate(prompt().model("sora-3").build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getMessage())
                                .contains("sora-2, sora-2-pro")
                                .contains("profile open")
                                .satisfies(m -> assertThat(e.message(field -> "--" + field))
                                        .contains("--profile open")));
    }

    @Test
    void spec_profile_follows_the_openapi_enums() {
        VideoRules spec = VideoRules.of(Profile.SPEC);
        assertThat(spec.validate(prompt().model("sora-2-2025-12-08")
                                .size("1792x1024")
                                .build())
                        .model())
                .isEqualTo("sora-2-2025-12-08");
        assertThatThrownBy(() -> spec.validate(prompt().seconds("16").build()))
                .hasMessageContaining("allowed: 4, 8, 12");
        assertThatThrownBy(() -> spec.validate(
                        prompt().model("sora-2-pro").size("1920x1080").build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void open_profile_checks_no_model_size_or_seconds_but_still_the_character_limit() {
        VideoRules open = VideoRules.of(Profile.OPEN);
        VideoRequest r = open.validate(
                prompt().model("wan-2.5").size("640x360").seconds("7").build());
        assertThat(r.model()).isEqualTo("wan-2.5");
        assertThatThrownBy(() -> open.validate(
                        prompt().characterIds(List.of("a", "b", "c")).build()))
                .hasMessageContaining("at most 2");
    }

    @Test
    void prompt_must_be_present_and_at_most_32000_chars() {
        assertThatThrownBy(
                        () -> guide.validate(VideoRequest.builder().prompt("  ").build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.message(field -> "--" + field)).startsWith("--prompt is empty"));
        assertThatThrownBy(() -> guide.validate(
                        VideoRequest.builder().prompt("x".repeat(32_001)).build()))
                .hasMessageContaining("32000");
        assertThat(guide.validate(VideoRequest.builder()
                                .prompt("x".repeat(32_000))
                                .build())
                        .prompt())
                .hasSize(32_000);
    }

    @Test
    void extension_segments_follow_the_profile_and_never_exceed_20_seconds() {
        dev.sora4j.model.ExtendRequest r16 = new dev.sora4j.model.ExtendRequest("video_1", "p", "16");
        assertThat(VideoRules.of(Profile.GUIDE).validateExtend(r16).seconds()).isEqualTo("16");
        assertThatThrownBy(() -> VideoRules.of(Profile.SPEC).validateExtend(r16))
                .hasMessageContaining("'16'");
        assertThat(VideoRules.of(Profile.OPEN)
                        .validateExtend(new dev.sora4j.model.ExtendRequest("video_1", "p", "7"))
                        .seconds())
                .isEqualTo("7");
        assertThatThrownBy(() -> VideoRules.of(Profile.OPEN)
                        .validateExtend(new dev.sora4j.model.ExtendRequest("video_1", "p", "21")))
                .hasMessageContaining("1 to 20");
        assertThat(VideoRules.of(Profile.GUIDE)
                        .validateExtend(new dev.sora4j.model.ExtendRequest("video_1", "p", null))
                        .seconds())
                .isEqualTo("4");
    }

    @Test
    void chains_stop_at_six_extensions_and_120_seconds_except_under_open() {
        VideoRules guide = VideoRules.of(Profile.GUIDE);
        guide.checkChain("video_1", 5, "100", "20");
        assertThatThrownBy(() -> guide.checkChain("video_1", 6, "28", "4")).hasMessageContaining("at most 6 times");
        assertThatThrownBy(() -> guide.checkChain("video_1", 2, "112", "12")).hasMessageContaining("124 s");
        VideoRules.of(Profile.OPEN).checkChain("video_1", 60, "400", "20");
    }

    @Test
    void edits_need_one_source_and_an_mp4_upload_needs_a_model(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        VideoRules guide = VideoRules.of(Profile.GUIDE);
        java.nio.file.Path mp4 = java.nio.file.Files.write(
                dir.resolve("clip.mov"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        java.nio.file.Path png = java.nio.file.Files.write(
                dir.resolve("clip.mp4"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        assertThat(guide.validateEdit(dev.sora4j.model.EditRequest.ofUpload(mp4, "sora-2", "p"))
                        .model())
                .isEqualTo("sora-2");
        assertThatThrownBy(() -> guide.validateEdit(dev.sora4j.model.EditRequest.ofUpload(mp4, null, "p")))
                .hasMessageContaining("model is required");
        assertThatThrownBy(() -> guide.validateEdit(dev.sora4j.model.EditRequest.ofUpload(png, "sora-2", "p")))
                .hasMessageContaining("not an MP4")
                .hasMessageContaining("image/png");
        assertThatThrownBy(() -> guide.validateEdit(new dev.sora4j.model.EditRequest("p", "video_1", mp4, null)))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> guide.validateCharacter(new dev.sora4j.model.CharacterRequest("x".repeat(81), mp4)))
                .hasMessageContaining("got 81");
        assertThat(guide.validateCharacter(new dev.sora4j.model.CharacterRequest(" Mossy ", mp4))
                        .name())
                .isEqualTo("Mossy");
    }
}
