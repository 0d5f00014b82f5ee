package dev.sora4j.emulator.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sora4j.emulator.config.EmulatorProfile;
import dev.sora4j.emulator.config.FaultRule;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.store.StoredVideo;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorRulesTest {
    private static StoredVideo extension(String seconds, int depth) {
        return new StoredVideo(
                "video_x",
                "sora-2",
                "p",
                "1280x720",
                seconds,
                0,
                0,
                0,
                1L,
                null,
                null,
                null,
                null,
                List.of(),
                new StoredVideo.Derivation(StoredVideo.Derivation.EXTENSION, "video_s", depth, 4),
                null,
                null);
    }

    @Test
    void guide_and_spec_limit_chains_to_six_extensions_and_120_seconds() {
        for (EmulatorProfile p : List.of(EmulatorProfile.GUIDE, EmulatorProfile.SPEC)) {
            EmulatorRules rules = new EmulatorRules(p);
            assertThatCode(() -> rules.chain(extension("28", 5), 4)).doesNotThrowAnyException();
            assertThatThrownBy(() -> rules.chain(extension("28", 6), 4))
                    .isInstanceOf(ApiError.class)
                    .hasMessageContaining("at most 6 times");
            assertThatThrownBy(() -> rules.chain(extension("112", 2), 12))
                    .isInstanceOf(ApiError.class)
                    .hasMessageContaining("124 seconds");
        }
        assertThatCode(() -> new EmulatorRules(EmulatorProfile.OPEN).chain(extension("200", 9), 20))
                .doesNotThrowAnyException();
    }

    @Test
    void profiles_differ_on_models_sizes_and_seconds() {
        EmulatorRules guide = new EmulatorRules(EmulatorProfile.GUIDE);
        EmulatorRules spec = new EmulatorRules(EmulatorProfile.SPEC);
        EmulatorRules open = new EmulatorRules(EmulatorProfile.OPEN);
        assertThat(guide.seconds("16")).isEqualTo("16");
        assertThatThrownBy(() -> spec.seconds("16")).hasMessageContaining("'16'");
        assertThat(guide.size("1920x1080", "sora-2-pro")).isEqualTo("1920x1080");
        assertThatThrownBy(() -> spec.size("1920x1080", "sora-2-pro")).hasMessageContaining("1920x1080");
        assertThatThrownBy(() -> guide.model("veo-3")).hasMessageContaining("veo-3");
        assertThat(open.model("veo-3")).isEqualTo("veo-3");
        assertThat(open.size("640x360", "veo-3")).isEqualTo("640x360");
        assertThat(open.seconds("3")).isEqualTo("3");
        assertThatThrownBy(() -> open.size("641x360", "veo-3")).hasMessageContaining("even");
        // An extension adds at most 20 s under every profile.
        assertThatThrownBy(() -> open.extensionSeconds("21")).hasMessageContaining("1 to 20");
    }

    @Test
    void fault_rules_parse_their_written_form() {
        FaultRule r = FaultRule.parse("post /v1/videos every=3 status=429 retry-after=2");
        assertThat(r).isEqualTo(new FaultRule("POST", "/v1/videos", 3, 429, 2));
        assertThat(FaultRule.parse("POST /v1/videos every=1 status=502 lose-answer=1"))
                .isEqualTo(new FaultRule("POST", "/v1/videos", 1, 502, 1, true));
        assertThatThrownBy(() -> FaultRule.parse("POST /v1/videos every=3")).hasMessageContaining("status=CODE");
        assertThatThrownBy(() -> FaultRule.parse("POST /v1/videos status=429 often=1"))
                .hasMessageContaining("often");
    }
}
