package dev.sora4j.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptAugmenterTest {
    @Test
    void all_fourteen_fields_follow_the_documented_template_exactly() {
        PromptFields all = new PromptFields(
                "ad",
                "a beach",
                "a dog",
                "runs",
                "drone shot",
                "35mm film",
                "golden hour",
                "teal and orange",
                "waves",
                "A: hi\nB: hello",
                "SALE",
                "0-2s intro",
                "no logos",
                "blur");
        assertThat(PromptAugmenter.augment("A dog on a beach", all))
                .isEqualTo(String.join(
                        "\n",
                        "Use case: ad",
                        "Primary request: A dog on a beach",
                        "Scene/background: a beach",
                        "Subject: a dog",
                        "Action: runs",
                        "Camera: drone shot",
                        "Lighting/mood: golden hour",
                        "Color palette: teal and orange",
                        "Style/format: 35mm film",
                        "Timing/beats: 0-2s intro",
                        "Audio: waves",
                        "Text (verbatim): \"SALE\"",
                        "Dialogue:",
                        "<dialogue>",
                        "A: hi",
                        "B: hello",
                        "</dialogue>",
                        "Constraints: no logos",
                        "Avoid: blur"));
    }

    @Test
    void without_fields_only_the_primary_request_line() {
        assertThat(PromptAugmenter.augment("A kite", PromptFields.none())).isEqualTo("Primary request: A kite");
    }

    @Test
    void detects_an_already_structured_prompt() {
        assertThat(PromptAugmenter.looksStructured("Primary request: x\nCamera: y"))
                .isTrue();
        assertThat(PromptAugmenter.looksStructured("A camera: pans")).isFalse();
    }
}
