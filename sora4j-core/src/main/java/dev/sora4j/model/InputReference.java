package dev.sora4j.model;

import java.nio.file.Path;

/** The first frame of a new video: an image file to upload, an uploaded file's id, or an image URL. */
public sealed interface InputReference {
    /** An image on disk, sent as a multipart upload. */
    record ImageFile(Path path) implements InputReference {}

    /** A file already uploaded through the Files API, sent as {@code {"file_id": ...}}. */
    record FileId(String fileId) implements InputReference {}

    /** An https or base64 {@code data:} URL, sent as {@code {"image_url": ...}}. */
    record ImageUrl(String url) implements InputReference {}
}
