package dev.sora4j.providers.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.InputReference;
import dev.sora4j.providers.ProviderProfile;
import dev.sora4j.providers.Providers;
import dev.sora4j.providers.request.WireCreate.Encoding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each provider's create body, from providers.md's "Create request" paragraphs. */
class CreateEncodingTest {
    private static final Path IMAGE = Path.of("frame.png");
    private final Providers providers = Providers.builtIn();

    private WireCreate encode(String provider, CreateSpec spec) {
        ProviderProfile p = providers.require(provider);
        return p.encodeCreate(p.prepareCreate(spec, false));
    }

    @Test
    void openai_sends_json_with_string_seconds_and_its_defaults() {
        WireCreate w = encode("openai", CreateSpec.of("a boat"));
        assertThat(w.encoding()).isEqualTo(Encoding.JSON);
        assertThat(w.fields())
                .containsExactly(
                        Map.entry("model", "sora-2"),
                        Map.entry("prompt", "a boat"),
                        Map.entry("size", "1280x720"),
                        Map.entry("seconds", "4"));
    }

    @Test
    void openai_uploads_are_multipart_and_references_by_url_are_objects() {
        WireCreate file = encode("openai", CreateSpec.of("a boat").withReference(new InputReference.ImageFile(IMAGE)));
        assertThat(file.encoding()).isEqualTo(Encoding.MULTIPART);
        assertThat(file.files()).containsEntry("input_reference", IMAGE);
        WireCreate url = encode(
                "litellm", CreateSpec.of("a boat").withReference(new InputReference.ImageUrl("https://x/y.png")));
        assertThat(url.fields()).containsEntry("input_reference", Map.of("image_url", "https://x/y.png"));
        WireCreate chars = encode("openai", CreateSpec.of("a boat").withCharacterIds(List.of("char_1")));
        assertThat(chars.fields()).containsEntry("characters", List.of(Map.of("id", "char_1")));
    }

    @Test
    void vllm_omni_is_multipart_without_a_file_and_omits_the_model_unless_given() {
        // providers.md §2: a JSON body reaches the form handler empty; model must be the served one or absent.
        WireCreate w = encode(
                "vllm-omni", CreateSpec.of("a lighthouse").withSeconds("8").withSize("832x480"));
        assertThat(w.encoding()).isEqualTo(Encoding.MULTIPART);
        assertThat(w.files()).isEmpty();
        assertThat(w.fields())
                .doesNotContainKey("model")
                .containsEntry("seconds", "8")
                .containsEntry("size", "832x480");
        WireCreate named = encode("vllm-omni", CreateSpec.of("a").withModel("Wan-AI/Wan2.2-T2V-A14B-Diffusers"));
        assertThat(named.fields()).containsEntry("model", "Wan-AI/Wan2.2-T2V-A14B-Diffusers");
        assertThat(encode("vllm-omni", CreateSpec.of("a")).fields()).containsOnlyKeys("prompt");
    }

    @Test
    void vllm_omni_sends_url_references_and_json_extras_as_json_in_form_fields() {
        WireCreate w = encode(
                "vllm-omni",
                CreateSpec.of("a")
                        .withReference(new InputReference.ImageUrl("https://x/y.png"))
                        .withExtras(Map.of("lora", Map.of("name", "style"), "seed", 7)));
        assertThat(w.fields()).containsEntry("image_reference", "{\"image_url\":\"https://x/y.png\"}");
        assertThat(w.fields()).containsEntry("lora", "{\"name\":\"style\"}").containsEntry("seed", 7);
        assertThat(w.textParts()).contains(Map.entry("seed", "7"));
    }

    @Test
    void sglang_and_trtllm_send_seconds_as_numbers() {
        assertThat(encode("sglang", CreateSpec.of("a").withSeconds("8")).fields())
                .containsEntry("seconds", 8);
        assertThat(encode("trtllm", CreateSpec.of("a").withSeconds("2.5")).fields())
                .containsEntry("seconds", 2.5);
        assertThat(encode("sglang", CreateSpec.of("a").withReference(new InputReference.ImageUrl("https://i")))
                        .fields())
                .containsEntry("reference_url", "https://i");
        assertThat(encode(
                                "trtllm",
                                CreateSpec.of("a")
                                        .withReference(new InputReference.ImageUrl("data:image/png;base64,AA")))
                        .fields())
                .containsEntry("image_reference", "data:image/png;base64,AA");
    }

    @Test
    void trtllm_refuses_fields_its_multipart_reader_would_drop() {
        CreateSpec spec = CreateSpec.of("a")
                .withReference(new InputReference.ImageFile(IMAGE))
                .withExtras(Map.of("num_frames", 81));
        assertThatThrownBy(() -> encode("trtllm", spec))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'num_frames' would be silently dropped")
                .hasMessageContaining("--input-reference-url");
        WireCreate ok = encode("trtllm", spec.withExtras(Map.of("seed", 3)));
        assertThat(ok.encoding()).isEqualTo(Encoding.MULTIPART);
        assertThat(ok.files()).containsEntry("input_reference", IMAGE);
    }

    @Test
    void trtllm_seconds_are_bounded_to_sixty() {
        assertThatThrownBy(() -> encode("trtllm", CreateSpec.of("a").withSeconds("61")))
                .hasMessageContaining("out of range for provider trtllm");
        assertThat(encode("trtllm", CreateSpec.of("a").withSeconds("60")).fields())
                .containsEntry("seconds", 60);
    }

    @Test
    void openrouter_sends_duration_resolution_aspect_ratio_and_frame_images_as_json() {
        WireCreate w = encode(
                "openrouter",
                CreateSpec.of("a fox")
                        .withModel("google/veo-3.1")
                        .withSize("720x1280")
                        .withSeconds("8")
                        .withReference(new InputReference.ImageUrl("https://x/first.png")));
        assertThat(w.encoding()).isEqualTo(Encoding.JSON);
        assertThat(w.fields())
                .containsEntry("duration", 8)
                .containsEntry("resolution", "720p")
                .containsEntry("aspect_ratio", "9:16")
                .doesNotContainKeys("seconds", "size");
        assertThat(w.fields().get("frame_images"))
                .isEqualTo(List.of(Map.of(
                        "type",
                        "image_url",
                        "image_url",
                        Map.of("url", "https://x/first.png"),
                        "frame_type",
                        "first_frame")));
    }

    @Test
    void openrouter_keeps_size_when_not_standard_and_yields_to_explicit_resolution() {
        CreateSpec spec = CreateSpec.of("a").withModel("openai/sora-2-pro").withSize("1792x1024");
        assertThat(encode("openrouter", spec).fields()).containsEntry("size", "1792x1024");
        WireCreate chosen = encode("openrouter", spec.withExtras(Map.of("resolution", "1080p")));
        assertThat(chosen.fields()).containsEntry("resolution", "1080p").doesNotContainKeys("size", "aspect_ratio");
    }

    @Test
    void openrouter_needs_a_vendor_prefixed_model_and_whole_seconds() {
        assertThatThrownBy(() -> encode("openrouter", CreateSpec.of("a")))
                .hasMessageContaining("provider openrouter needs --model (e.g. --model google/veo-3.1)");
        assertThatThrownBy(() -> encode("openrouter", CreateSpec.of("a").withModel("sora-2")))
                .hasMessageContaining("is not vendor/model");
        assertThatThrownBy(() -> encode(
                        "openrouter",
                        CreateSpec.of("a").withModel("google/veo-3.1").withSeconds("4.5")))
                .hasMessageContaining("whole seconds");
    }

    @Test
    void azure_allows_720p_and_4_8_12_unless_the_profile_is_open_and_needs_a_deployment() {
        ProviderProfile azure = providers.require("azure");
        CreateSpec spec = CreateSpec.of("a").withModel("sora-2");
        assertThat(azure.prepareCreate(spec, false).size()).isEqualTo("1280x720");
        assertThatThrownBy(() -> azure.prepareCreate(spec.withSize("1792x1024"), false))
                .hasMessageContaining("allowed: 720x1280, 1280x720")
                .hasMessageContaining("--profile open");
        assertThatThrownBy(() -> azure.prepareCreate(spec.withSeconds("16"), false))
                .hasMessageContaining("4, 8, 12");
        assertThat(azure.prepareCreate(spec.withSeconds("16"), true).seconds()).isEqualTo("16");
        assertThatThrownBy(() -> azure.prepareCreate(CreateSpec.of("a"), false))
                .hasMessageContaining("provider azure needs --model");
    }

    @Test
    void new_api_sends_url_references_as_strings_and_needs_a_model() {
        WireCreate w = encode(
                "new-api",
                CreateSpec.of("a").withModel("sora-2").withReference(new InputReference.ImageUrl("https://i")));
        assertThat(w.fields()).containsEntry("input_reference", "https://i").containsEntry("model", "sora-2");
        assertThatThrownBy(() -> encode("new-api", CreateSpec.of("a"))).hasMessageContaining("needs --model");
    }

    @Test
    void format_checks_apply_even_under_the_open_profile() {
        ProviderProfile p = providers.require("sglang");
        assertThatThrownBy(() -> p.prepareCreate(CreateSpec.of("a").withSize("big"), true))
                .hasMessageContaining("size 'big' is not WIDTHxHEIGHT");
        assertThatThrownBy(() -> p.prepareCreate(CreateSpec.of("a").withSeconds("-1"), true))
                .hasMessageContaining("not a positive number");
        assertThatThrownBy(() -> p.prepareCreate(CreateSpec.of(" "), true)).hasMessageContaining("prompt is empty");
    }

    @Test
    void dry_run_preview_shows_the_encoding_and_files_as_paths() {
        WireCreate w = encode("vllm-omni", CreateSpec.of("a").withReference(new InputReference.ImageFile(IMAGE)));
        assertThat(w.preview())
                .containsEntry("content_type", "multipart/form-data")
                .containsEntry("input_reference", "frame.png")
                .containsEntry("path", "videos");
    }
}
