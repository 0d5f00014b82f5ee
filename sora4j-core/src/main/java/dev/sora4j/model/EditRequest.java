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
    /**
     * An edit of a generated video, by id.
     *
     * @param videoId the video's id
     * @param prompt the prompt
     * @return the of video
     */
    public static EditRequest ofVideo(String videoId, String prompt) {
        return new EditRequest(prompt, videoId, null, null);
    }

    /**
     * An edit of an uploaded MP4.
     *
     * @param videoFile the MP4 to upload
     * @param model the model
     * @param prompt the prompt
     * @return the of upload
     */
    public static EditRequest ofUpload(Path videoFile, String model, String prompt) {
        return new EditRequest(prompt, null, videoFile, model);
    }
}
