package dev.sora4j.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestFieldsTest {
    @Test
    void bracket_names_become_objects_and_arrays_like_the_sdks_send_them() {
        Map<String, Object> root = new LinkedHashMap<>();
        RequestFields.putBracketed(root, "prompt", "hi");
        RequestFields.putBracketed(root, "input_reference[file_id]", "file-1");
        RequestFields.putBracketed(root, "characters[][id]", "char_1");
        RequestFields.putBracketed(root, "characters[][id]", "char_2");
        RequestFields.putBracketed(root, "tags[]", "a");
        RequestFields.putBracketed(root, "tags[]", "b");
        assertThat(root)
                .containsEntry("prompt", "hi")
                .containsEntry("input_reference", Map.of("file_id", "file-1"))
                .containsEntry("characters", List.of(Map.of("id", "char_1"), Map.of("id", "char_2")))
                .containsEntry("tags", List.of("a", "b"));
    }

    @Test
    void a_malformed_bracket_name_is_kept_verbatim() {
        Map<String, Object> root = new LinkedHashMap<>();
        RequestFields.putBracketed(root, "odd[name", "v");
        assertThat(root).containsEntry("odd[name", "v");
    }
}
