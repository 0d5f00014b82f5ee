package dev.sora4j.model;

import java.nio.file.Path;

/**
 * An edit of an existing video: either a generated video by id (its model is inferred by the
 * service) or an uploaded MP4, which needs an explicit model.
 *
 * @param videoId the video to edit, or null when {@code videoFile} is uploaded
 * @param videoFile an MP4 to upload, or null when editing by id
 * @param model required with an upload, ignored by id
 */
public record EditRequest(String prompt, String videoId, Path videoFile, String model) {
    public static EditRequest ofVideo(String videoId, String prompt) {
        return new EditRequest(prompt, videoId, null, null);
    }

    public static EditRequest ofUpload(Path videoFile, String model, String prompt) {
        return new EditRequest(prompt, null, videoFile, model);
    }
}
