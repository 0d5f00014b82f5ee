package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.model.Variant;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {
    @Test
    void json_out_follows_the_reference_cli_rules(@TempDir Path dir) {
        assertThat(OutputPaths.jsonOut(null, "create.json")).isEmpty();
        assertThat(OutputPaths.jsonOut("out/", "create.json")).contains(Path.of("out/create.json"));
        assertThat(OutputPaths.jsonOut(dir.toString(), "status.json")).contains(dir.resolve("status.json"));
        assertThat(OutputPaths.jsonOut("result", "x.json")).contains(Path.of("result.json"));
        assertThat(OutputPaths.jsonOut("result.txt", "x.json")).contains(Path.of("result.txt"));
    }

    @Test
    void download_out_defaults_and_extensions() {
        assertThat(OutputPaths.downloadOut(null, Variant.VIDEO)).isEqualTo(Path.of("video.mp4"));
        assertThat(OutputPaths.downloadOut(null, Variant.THUMBNAIL)).isEqualTo(Path.of("thumbnail.webp"));
        assertThat(OutputPaths.downloadOut(null, Variant.SPRITESHEET)).isEqualTo(Path.of("spritesheet.jpg"));
        assertThat(OutputPaths.downloadOut("clips/demo", Variant.VIDEO)).isEqualTo(Path.of("clips/demo.mp4"));
        assertThat(OutputPaths.extensionWarning(Path.of("a.mov"), Variant.VIDEO))
                .isPresent();
        assertThat(OutputPaths.extensionWarning(Path.of("a.MP4"), Variant.VIDEO))
                .isEmpty();
    }

    @Test
    void download_out_into_a_directory_gets_the_default_name(@TempDir Path dir) {
        assertThat(OutputPaths.downloadOut(dir.toString(), Variant.VIDEO)).isEqualTo(dir.resolve("video.mp4"));
        assertThat(OutputPaths.downloadOut("clips/", Variant.THUMBNAIL)).isEqualTo(Path.of("clips/thumbnail.webp"));
        assertThat(OutputPaths.downloadOut(dir.resolve("new").toString(), Variant.VIDEO))
                .isEqualTo(dir.resolve("new.mp4"));
    }
}
