package dev.sora4j.cli.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GalleryActionTest {
    @Test
    void each_action_shows_the_cli_command_quoted_for_a_shell() {
        List<String> offline = List.of("--offline");
        ActionRequest r = new ActionRequest(GalleryAction.REMIX, 3, "It's night; \"neon\" $HOME", null);
        assertThat(GalleryAction.REMIX.command(offline, "video_1", r, null))
                .isEqualTo("sora --offline remix --id video_1 --prompt 'It'\\''s night; \"neon\" $HOME' --no-augment");
        assertThat(GalleryAction.EXTEND.command(
                        List.of(), "video_1", new ActionRequest(GalleryAction.EXTEND, 3, "Rise", "8"), null))
                .isEqualTo("sora extend --id video_1 --seconds 8 --prompt Rise --no-augment");
        assertThat(GalleryAction.DOWNLOAD.command(
                        List.of("--ledger", "/tmp/my ledger.db"),
                        "video_1",
                        new ActionRequest(GalleryAction.DOWNLOAD, 3, null, null),
                        "/v/video_1.mp4"))
                .isEqualTo("sora --ledger '/tmp/my ledger.db' download --id video_1 --out /v/video_1.mp4");
        assertThat(GalleryAction.REDOWNLOAD.command(
                        List.of(), "video_1", new ActionRequest(GalleryAction.REDOWNLOAD, 3, null, null), "a.mp4"))
                .endsWith("download --id video_1 --out a.mp4 --force");
        assertThat(GalleryAction.DELETE.command(
                        List.of(), "video_1", new ActionRequest(GalleryAction.DELETE, 3, null, null), null))
                .isEqualTo("sora delete --id video_1");
    }

    @Test
    void names_round_trip_and_unknown_names_are_empty() {
        for (GalleryAction a : GalleryAction.values()) {
            assertThat(GalleryAction.of(a.wireName())).contains(a);
        }
        assertThat(GalleryAction.of("REMIX")).isEmpty();
        assertThat(GalleryAction.of("rm -rf")).isEmpty();
        assertThat(GalleryAction.quote("")).isEqualTo("''");
    }
}
