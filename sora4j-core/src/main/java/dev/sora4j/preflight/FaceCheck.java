package dev.sora4j.preflight;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds human faces in input images and character clips. The detector needs native code, so it
 * lives in the optional {@code sora4j-faces} module, which registers an implementation as a
 * {@link ServiceLoader} service; {@link #discover()} finds it when that module is on the class path.
 */
public interface FaceCheck {
    /**
     * True when the image shows at least one human face.
     *
     * @param image the image file
     * @return whether a face was found
     */
    boolean imageHasFace(Path image);

    /**
     * True when any of several frames sampled across the clip shows a human face.
     *
     * @param clip the video file
     * @return whether a face was found
     */
    boolean clipHasFace(Path clip);

    /**
     * The refusal line for an input image with a face (the service's own wording first).
     *
     * @param image the image with the face
     * @return the refusal line naming the image
     */
    static String imageRefusal(Path image) {
        return "input images with human faces are rejected: " + image + " shows a face; use an image without people";
    }

    /**
     * The refusal line for a character clip with a face.
     *
     * @param clip the clip with the face
     * @return the refusal line naming the clip
     */
    static String clipRefusal(Path clip) {
        return "character uploads are for non-human subjects only: " + clip
                + " shows a human face; use a clip of an animal, object or creature";
    }

    /**
     * The face check on the class path, if the {@code sora4j-faces} module is there.
     *
     * @return the first face check found, or empty
     */
    static Optional<FaceCheck> discover() {
        return ServiceLoader.load(FaceCheck.class).findFirst();
    }
}
