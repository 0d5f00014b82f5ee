package dev.sora4j.internal.wire;

import dev.sora4j.model.CharacterRequest;
import dev.sora4j.model.EditRequest;
import dev.sora4j.model.ExtendRequest;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.RemixRequest;
import dev.sora4j.model.VideoRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns validated requests into {@link WireRequest}s. Bodies are JSON unless a file is uploaded, as
 * in the guide, the reference CLI and Batch lines (see videos-api.md §4.1).
 */
public final class WireRequests {
    private WireRequests() {}

    public static WireRequest create(VideoRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", r.model());
        body.put("prompt", r.prompt());
        body.put("size", r.size());
        body.put("seconds", r.seconds());
        Map<String, Path> files = new LinkedHashMap<>();
        InputReference ref = r.inputReference();
        if (ref instanceof InputReference.ImageFile f) {
            files.put("input_reference", f.path());
        } else if (ref instanceof InputReference.FileId f) {
            body.put("input_reference", Map.of("file_id", f.fileId()));
        } else if (ref instanceof InputReference.ImageUrl u) {
            body.put("input_reference", Map.of("image_url", u.url()));
        }
        if (!r.characterIds().isEmpty()) {
            body.put("characters", characters(r.characterIds()));
        }
        return new WireRequest("POST", "videos", body, files);
    }

    public static WireRequest edit(EditRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", r.prompt());
        Map<String, Path> files = new LinkedHashMap<>();
        if (r.videoId() != null) {
            body.put("video", Map.of("id", r.videoId()));
        } else {
            body.put("model", r.model());
            files.put("video", r.videoFile());
        }
        return new WireRequest("POST", "videos/edits", body, files);
    }

    public static WireRequest extend(ExtendRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("video", Map.of("id", r.videoId()));
        body.put("prompt", r.prompt());
        body.put("seconds", r.seconds());
        return new WireRequest("POST", "videos/extensions", body, Map.of());
    }

    public static WireRequest remix(RemixRequest r) {
        return new WireRequest("POST", "videos/" + r.videoId() + "/remix", Map.of("prompt", r.prompt()), Map.of());
    }

    public static WireRequest createCharacter(CharacterRequest r) {
        return new WireRequest("POST", "videos/characters", Map.of("name", r.name()), Map.of("video", r.videoFile()));
    }

    public static WireRequest delete(String videoId) {
        return new WireRequest("DELETE", "videos/" + videoId, Map.of(), Map.of());
    }

    private static List<Map<String, String>> characters(List<String> ids) {
        return ids.stream().map(id -> Map.of("id", id)).toList();
    }
}
