package dev.sora4j.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.VideoRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireRequestsTest {
    @Test
    void json_unless_a_file_is_uploaded() {
        WireRequest json = WireRequests.create(VideoRequest.builder()
                .prompt("p")
                .model("sora-2")
                .size("1280x720")
                .seconds("4")
                .inputReference(new InputReference.FileId("file-1"))
                .characterIds(List.of("char_1"))
                .build());
        assertThat(json.multipart()).isFalse();
        assertThat(json.fields())
                .containsEntry("input_reference", Map.of("file_id", "file-1"))
                .containsEntry("characters", List.of(Map.of("id", "char_1")));

        WireRequest upload = WireRequests.create(VideoRequest.builder()
                .prompt("p")
                .model("sora-2")
                .size("1280x720")
                .seconds("4")
                .inputReference(new InputReference.ImageFile(Path.of("a.png")))
                .characterIds(List.of("char_1", "char_2"))
                .build());
        assertThat(upload.multipart()).isTrue();
        assertThat(upload.files()).containsEntry("input_reference", Path.of("a.png"));
        // Nested values are flattened as the SDKs do: characters[][id].
        assertThat(upload.multipartTextParts())
                .contains(
                        Map.entry("characters[][id]", "char_1"),
                        Map.entry("characters[][id]", "char_2"),
                        Map.entry("seconds", "4"));
    }

    @Test
    void previews_name_method_endpoint_and_content_type() {
        assertThat(WireRequests.extend(new ExtendRequest("video_1", "p", "8")).preview())
                .containsEntry("method", "POST")
                .containsEntry("endpoint", "/v1/videos/extensions")
                .containsEntry("content_type", "application/json")
                .containsEntry("video", Map.of("id", "video_1"));
        assertThat(WireRequests.edit(EditRequest.ofUpload(Path.of("in.mp4"), "sora-2", "p"))
                        .preview())
                .containsEntry("content_type", "multipart/form-data")
                .containsEntry("video", "in.mp4")
                .containsEntry("model", "sora-2");
        assertThat(WireRequests.delete("video_1").preview()).containsOnlyKeys("method", "endpoint");
    }
}
