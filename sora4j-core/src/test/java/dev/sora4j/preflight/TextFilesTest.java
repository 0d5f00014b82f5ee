package dev.sora4j.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
    @TempDir
    Path dir;

    @Test
    void reads_utf8_without_a_byte_order_mark() throws IOException {
        Path f = Files.writeString(dir.resolve("p.txt"), "\uFEFFCafé au lait");
        assertThat(TextFiles.read("--prompt-file", f)).isEqualTo("Café au lait");
    }

    @Test
    void names_each_way_a_file_can_be_wrong() throws IOException {
        Path latin1 = Files.write(dir.resolve("l.txt"), new byte[] {'o', 'k', (byte) 0xFF});
        assertThatThrownBy(() -> TextFiles.read("--prompt-file", latin1))
                .hasMessage("--prompt-file " + latin1 + " is not UTF-8 text (invalid byte 0xFF at offset 2); save it as"
                        + " UTF-8.");
        assertThatThrownBy(() -> TextFiles.read("--input", dir))
                .hasMessage("--input " + dir + " is a directory; give a text file.");
        assertThatThrownBy(() -> TextFiles.read("--input", dir.resolve("none")))
                .hasMessage("--input " + dir.resolve("none") + ": file not found.");
    }
}
