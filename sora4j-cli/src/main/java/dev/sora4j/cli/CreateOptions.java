package dev.sora4j.cli;

import dev.sora4j.InvalidRequestException;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.rules.VideoRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of {@code create} (shared with {@code create-and-poll}). */
final class CreateOptions {
    @Mixin
    PromptOptions prompt;

    @Option(names = "--model", paramLabel = "MODEL", description = "sora-2 (default) or sora-2-pro; any name under --profile open.")
    String model;

    @Option(names = "--size", paramLabel = "WxH", description = "1280x720 (default), 720x1280; sora-2-pro also 1024x1792, 1792x1024, 1920x1080, 1080x1920.")
    String size;

    @Option(names = "--seconds", paramLabel = "S", description = "Clip length: 4 (default), 8, 12, 16 or 20.")
    String seconds;

    @Option(names = "--input-reference", paramLabel = "IMAGE", description = "First frame: a JPEG, PNG or WebP file matching --size (uploaded as multipart).")
    Path inputReference;

    @Option(names = "--input-reference-file-id", paramLabel = "FILE_ID", description = "First frame: an uploaded file's id.")
    String inputReferenceFileId;

    @Option(names = "--input-reference-url", paramLabel = "URL", description = "First frame: an image URL or base64 data: URL.")
    String inputReferenceUrl;

    @Option(names = "--character-id", paramLabel = "ID", split = ",", description = "A reusable character id (repeatable or comma-separated; at most 2).")
    List<String> characterIds = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the request that would be sent, and send nothing (no key needed).")
    boolean dryRun;

    VideoRequest toRequest(VideoRules rules, java.util.function.Consumer<String> warn) {
        return rules.validate(VideoRequest.builder()
                .prompt(prompt.build(warn))
                .model(lower(model))
                .size(lower(size))
                .seconds(seconds == null ? null : seconds.strip())
                .inputReference(inputReference())
                .characterIds(characterIds.stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
                .build());
    }

    private InputReference inputReference() {
        int given = (inputReference != null ? 1 : 0) + (inputReferenceFileId != null ? 1 : 0)
                + (inputReferenceUrl != null ? 1 : 0);
        if (given > 1) {
            throw new InvalidRequestException("input_reference",
                    "Use only one of --input-reference, --input-reference-file-id, or --input-reference-url.");
        }
        if (inputReference != null) {
            if (!Files.isRegularFile(inputReference)) {
                throw new InvalidRequestException("input_reference", "--input-reference " + inputReference
                        + ": file not found.");
            }
            return new InputReference.ImageFile(inputReference);
        }
        if (inputReferenceFileId != null) {
            return new InputReference.FileId(inputReferenceFileId.strip());
        }
        if (inputReferenceUrl != null) {
            return new InputReference.ImageUrl(inputReferenceUrl.strip());
        }
        return null;
    }

    /** The request as the reference CLI previews it: endpoint plus the body (a file path for uploads). */
    static Map<String, Object> preview(VideoRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("endpoint", "/v1/videos");
        p.put("model", r.model());
        p.put("prompt", r.prompt());
        p.put("size", r.size());
        p.put("seconds", r.seconds());
        if (r.inputReference() instanceof InputReference.ImageFile f) {
            p.put("input_reference", f.path().toString());
            p.put("content_type", "multipart/form-data");
        } else if (r.inputReference() instanceof InputReference.FileId f) {
            p.put("input_reference", Map.of("file_id", f.fileId()));
        } else if (r.inputReference() instanceof InputReference.ImageUrl u) {
            p.put("input_reference", Map.of("image_url", u.url()));
        }
        if (!r.characterIds().isEmpty()) {
            p.put("characters", r.characterIds().stream().map(id -> Map.of("id", id)).toList());
        }
        return p;
    }

    private static String lower(String v) {
        return v == null ? null : v.strip().toLowerCase(Locale.ROOT);
    }
}
