package dev.sora4j.cli;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.VideoRequest;
import dev.sora4j.providers.request.ExtraFields;
import dev.sora4j.rules.Ids;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The video fields of {@code create}, {@code create-and-poll} and (as defaults) {@code create-batch}. */
final class VideoOptions {
    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "sora-2 (default) or sora-2-pro; any name under --profile open.")
    String model;

    @Option(
            names = "--size",
            paramLabel = "WxH",
            description = "1280x720 (default), 720x1280; sora-2-pro also 1024x1792, 1792x1024, 1920x1080, 1080x1920.")
    String size;

    @Option(names = "--seconds", paramLabel = "S", description = "Clip length: 4 (default), 8, 12, 16 or 20.")
    String seconds;

    @Option(
            names = "--input-reference",
            paramLabel = "IMAGE",
            description = "First frame: a JPEG, PNG or WebP file matching --size (uploaded as multipart).")
    Path inputReference;

    @Option(
            names = "--input-reference-file-id",
            paramLabel = "FILE_ID",
            description = "First frame: an uploaded file's id.")
    String inputReferenceFileId;

    @Option(
            names = "--input-reference-url",
            paramLabel = "URL",
            description = "First frame: an image URL or base64 data: URL.")
    String inputReferenceUrl;

    @Option(
            names = "--fit",
            paramLabel = "MODE",
            description =
                    "When --input-reference is not the video's size: send a copy fitted by crop, pad or stretch (EXIF stripped, orientation applied).")
    String fit;

    @Option(
            names = "--character-id",
            paramLabel = "ID",
            split = ",",
            description =
                    "A reusable character id (repeatable or comma-separated; at most 2). Its name must appear in the prompt.")
    List<String> characterIds = new ArrayList<>();

    @Option(
            names = "--extra",
            paramLabel = "KEY=VALUE",
            description = "A provider-specific request field (repeatable), e.g. --extra seed=42 --extra"
                    + " negative_prompt=blurry; 42 is a number, true a boolean, {...} JSON, \"42\" a string."
                    + " Refused by providers that take none (openai, azure).")
    List<String> extras = new ArrayList<>();

    /** A request with these fields and {@code prompt}; not yet validated. */
    VideoRequest toRequest(String prompt) {
        return VideoRequest.builder()
                .prompt(prompt)
                .model(lower(model))
                .size(lower(size))
                .seconds(seconds == null ? null : seconds.strip())
                .inputReference(inputReference())
                .characterIds(characterIds())
                .extras(ExtraFields.parse(extras))
                .build();
    }

    List<String> characterIds() {
        return characterIds.stream()
                .filter(s -> !s.isBlank())
                .map(s -> Ids.check("--character-id", s))
                .toList();
    }

    InputReference inputReference() {
        int given = (inputReference != null ? 1 : 0)
                + (inputReferenceFileId != null ? 1 : 0)
                + (inputReferenceUrl != null ? 1 : 0);
        if (given > 1) {
            throw new InvalidRequestException(
                    "input_reference",
                    "Use only one of --input-reference, --input-reference-file-id, or --input-reference-url.");
        }
        if (inputReference != null) {
            if (!Files.isRegularFile(inputReference)) {
                throw new InvalidRequestException(
                        "input_reference", "--input-reference " + inputReference + ": file not found.");
            }
            return new InputReference.ImageFile(inputReference);
        }
        if (inputReferenceFileId != null) {
            return new InputReference.FileId(Ids.check("--input-reference-file-id", inputReferenceFileId));
        }
        if (inputReferenceUrl != null) {
            return new InputReference.ImageUrl(inputReferenceUrl.strip());
        }
        return null;
    }

    static String lower(String v) {
        return v == null ? null : v.strip().toLowerCase(Locale.ROOT);
    }
}
