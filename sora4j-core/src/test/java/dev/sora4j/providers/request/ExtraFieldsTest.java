package dev.sora4j.providers.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.providers.Providers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtraFieldsTest {
    private final Providers providers = Providers.builtIn();

    @Test
    void values_are_typed_by_content() {
        Map<String, Object> m = ExtraFields.parse(List.of(
                "seed=42",
                "big=12345678901",
                "guidance_scale=7.5",
                "generate_audio=true",
                "negative_prompt=blurry, low quality",
                "tag=\"42\"",
                "lora={\"name\":\"x\",\"scale\":0.8}",
                "ids=[1,2]"));
        assertThat(m)
                .containsEntry("seed", 42)
                .containsEntry("big", 12345678901L)
                .containsEntry("guidance_scale", 7.5)
                .containsEntry("generate_audio", true)
                .containsEntry("negative_prompt", "blurry, low quality")
                .containsEntry("tag", "42")
                .containsEntry("lora", Map.of("name", "x", "scale", 0.8))
                .containsEntry("ids", List.of(1, 2));
        assertThat(m.keySet()).first().isEqualTo("seed");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "seed|expected key=value",
                "=3|expected key=value",
                "9x=1|the key must be a field name",
                "seed=|the value is empty",
                "model=sora-2|'model' is set by --model",
                "duration=8|'duration' is set by --seconds",
                "lora={oops|does not parse",
            })
    void bad_extras_are_refused_naming_the_argument(String arg, String why) {
        assertThatThrownBy(() -> ExtraFields.parse(List.of(arg)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("--extra " + arg + ": ")
                .hasMessageContaining(why);
    }

    @Test
    void a_key_given_twice_is_refused() {
        assertThatThrownBy(() -> ExtraFields.parse(List.of("seed=1", "seed=2"))).hasMessageContaining("given twice");
    }

    @Test
    void provider_policies_check_types_ranges_and_unknown_fields() {
        ExtraPolicy trt = providers.require("trtllm").extras();
        assertThatThrownBy(() -> trt.apply("trtllm", Map.of("user", "me")))
                .hasMessageContaining("--extra user: provider trtllm does not take this field")
                .hasMessageContaining("extra=forbid");
        assertThatThrownBy(() -> trt.apply("trtllm", Map.of("fps", 0))).hasMessageContaining("fps in (0, 120]");
        assertThat(trt.apply("trtllm", Map.of("fps", 120))).containsEntry("fps", 120);
        assertThatThrownBy(() -> trt.apply("trtllm", Map.of("num_frames", 7201)))
                .hasMessageContaining("[1, 7200]");
        assertThatThrownBy(() -> trt.apply("trtllm", Map.of("seed", 1.5))).hasMessageContaining("expects integer");

        ExtraPolicy vllm = providers.require("vllm-omni").extras();
        assertThatThrownBy(() -> vllm.apply("vllm-omni", Map.of("num_inference_steps", 201)))
                .hasMessageContaining("[1, 200]");
        assertThat(vllm.apply("vllm-omni", Map.of("negative_prompt", 123))).containsEntry("negative_prompt", "123");
        assertThat(vllm.apply("vllm-omni", Map.of("frame_interpolation", true)))
                .containsEntry("frame_interpolation", true);
        assertThatThrownBy(() -> vllm.apply("vllm-omni", Map.of("lora", "x"))).hasMessageContaining("expects json");
    }
}
