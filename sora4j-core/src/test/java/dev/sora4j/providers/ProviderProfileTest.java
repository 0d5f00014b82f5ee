package dev.sora4j.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.Variant;
import dev.sora4j.providers.request.CreateSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderProfileTest {
    private final Providers providers = Providers.builtIn();

    @ParameterizedTest
    @CsvSource({
        "litellm, DELETE, delete the job in the upstream provider's console",
        "openrouter, LIST, from the local ledger",
        "openrouter, DELETE, no delete route",
        "new-api, LIST, from the local ledger",
        "vllm-omni, EDIT, create a new video with a revised prompt",
        "sglang, REMIX, has no remix",
        "trtllm, CHARACTERS, describe the character in the prompt",
        "azure, EXTEND, --seconds 12",
        "azure, BATCH_API, create-batch",
        "trtllm, WEBHOOKS, poll with --wait",
    })
    void unsupported_features_are_refused_naming_provider_and_alternative(String name, Feature f, String hint) {
        ProviderProfile p = providers.require(name);
        assertThatThrownBy(() -> p.require(f))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("provider " + name + " does not support " + f.label() + ": ")
                .hasMessageContaining(hint);
        assertThat(((InvalidRequestException) catchOf(() -> p.require(f))).field())
                .isEqualTo("provider");
    }

    @Test
    void openai_supports_everything_but_extra_fields() {
        ProviderProfile p = providers.require("openai");
        for (Feature f : Feature.values()) {
            assertThat(p.refusal(f).isPresent()).as(f.name()).isEqualTo(f == Feature.EXTRA_FIELDS);
        }
    }

    @Test
    void thumbnails_are_fetched_where_served_and_derived_or_refused_where_not() {
        assertThat(providers.require("openai").contentPlan("video_1", Variant.THUMBNAIL, false))
                .isEqualTo(new ContentPlan.Fetch("videos/video_1/content", Map.of("variant", "thumbnail"), true));
        assertThat(providers.require("openai").contentPlan("video_1", Variant.VIDEO, false))
                .isEqualTo(new ContentPlan.Fetch("videos/video_1/content", Map.of("variant", "video"), false));
        // LiteLLM ignores variant and would return the MP4: never ask, derive or refuse (providers.md §1).
        assertThat(providers.require("litellm").contentPlan("video_x", Variant.THUMBNAIL, true))
                .isEqualTo(new ContentPlan.Derive(Variant.VIDEO, Variant.THUMBNAIL));
        ContentPlan refused = providers.require("vllm-omni").contentPlan("video_gen_1", Variant.SPRITESHEET, false);
        assertThat(refused).isInstanceOf(ContentPlan.Refuse.class);
        assertThat(((ContentPlan.Refuse) refused).message())
                .contains("vllm-omni")
                .contains("--variant video")
                .doesNotContain("--derive");
        // Azure's thumbnails are UNCERTAIN: fetch, but check the bytes.
        assertThat(providers.require("azure").contentPlan("video_a", Variant.THUMBNAIL, false))
                .isEqualTo(new ContentPlan.Fetch("videos/video_a/content", Map.of("variant", "thumbnail"), true));
    }

    @Test
    void servers_without_variants_are_not_sent_one_and_openrouter_gets_an_index() {
        assertThat(providers.require("vllm-omni").contentPlan("video_gen_1", Variant.VIDEO, false))
                .isEqualTo(new ContentPlan.Fetch("videos/video_gen_1/content", Map.of(), false));
        assertThat(providers.require("openrouter").contentPlan("job-abc", Variant.VIDEO, false))
                .isEqualTo(new ContentPlan.Fetch("videos/job-abc/content", Map.of("index", "0"), false));
        assertThat(providers.require("litellm").contentPlan("video_ab+c=", Variant.VIDEO, false))
                .isEqualTo(new ContentPlan.Fetch("videos/video_ab+c=/content", Map.of(), false));
    }

    @Test
    void create_refuses_reference_kinds_and_characters_the_provider_lacks() {
        CreateSpec withFile = CreateSpec.of("a boat").withReference(new InputReference.ImageFile(Path.of("a.png")));
        assertThatThrownBy(() ->
                        providers.require("openrouter").prepareCreate(withFile.withModel("google/veo-3.1"), false))
                .hasMessageContaining("--input-reference-url");
        CreateSpec withFileId = CreateSpec.of("a boat").withReference(new InputReference.FileId("file_1"));
        assertThatThrownBy(() -> providers.require("sglang").prepareCreate(withFileId, false))
                .hasMessageContaining("input_reference file_id");
        CreateSpec withCharacter = CreateSpec.of("a boat").withCharacterIds(List.of("char_1"));
        assertThatThrownBy(() -> providers.require("vllm-omni").prepareCreate(withCharacter, false))
                .hasMessageContaining("characters");
        assertThat(providers
                        .require("litellm")
                        .prepareCreate(withCharacter, false)
                        .characterIds())
                .containsExactly("char_1");
    }

    @Test
    void extras_are_refused_where_the_provider_takes_none() {
        CreateSpec spec = CreateSpec.of("a boat").withExtras(Map.of("seed", 42));
        assertThatThrownBy(() -> providers.require("azure").prepareCreate(spec.withModel("sora-2"), false))
                .hasMessageContaining("--extra fields");
        assertThatThrownBy(() -> providers.require("openai").prepareCreate(spec, false))
                .hasMessageContaining("provider openai does not support --extra fields");
        assertThatThrownBy(() -> providers.require("trtllm").prepareCreate(spec.withExtras(Map.of("user", "u")), false))
                .hasMessageContaining("--extra user: provider trtllm does not take this field");
        assertThat(providers.require("vllm-omni").prepareCreate(spec, false).extras())
                .containsEntry("seed", 42);
    }

    @Test
    void job_paths_encode_the_id_as_one_segment() {
        assertThat(providers.require("litellm").jobPath("video_a/b c")).isEqualTo("videos/video_a%2Fb%20c");
    }

    @Test
    void documented_create_statuses() {
        assertThat(providers.require("trtllm").documentedCreateStatus(202)).isTrue();
        assertThat(providers.require("openrouter").documentedCreateStatus(202)).isTrue();
        assertThat(providers.require("openai").documentedCreateStatus(200)).isTrue();
        assertThat(providers.require("openai").documentedCreateStatus(202)).isFalse();
    }

    private static Throwable catchOf(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
