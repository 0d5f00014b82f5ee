package dev.sora4j.preflight;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetsTest {
    @TempDir
    Path dir;

    @Test
    void a_missing_directory_is_fine_a_file_in_its_place_is_not() throws IOException {
        assertThatCode(() -> OutputTargets.checkFile("--out", dir.resolve("new/sub/clip.mp4")))
                .doesNotThrowAnyException();
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> OutputTargets.checkFile("--out", file.resolve("clip.mp4")))
                .hasMessageContaining(file + " is a file, not a directory");
        assertThatThrownBy(() -> OutputTargets.checkDirectory("--out-dir", file))
                .hasMessage("--out-dir " + file + " is a file, not a directory; choose a directory.");
        assertThatThrownBy(() -> OutputTargets.checkFile("--out", dir)).hasMessageContaining("is a directory");
    }

    @Test
    void leaves_no_probe_file_behind() throws IOException {
        OutputTargets.checkFile("--json-out", dir.resolve("out.json"));
        try (var files = Files.list(dir)) {
            org.assertj.core.api.Assertions.assertThat(files).isEmpty();
        }
    }
}
