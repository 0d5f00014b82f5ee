package dev.sora4j.faces;

import dev.sora4j.preflight.FaceCheck;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The {@link FaceCheck} service of this module: {@link FaceDetector} on input images and on {@value
 * #FRAMES} frames sampled across a clip. The detector is created on first use (loading the natives
 * takes seconds) and kept for the life of this object.
 */
public final class OpenCvFaceCheck implements FaceCheck {
    /** How many frames of a character clip are checked. */
    public static final int FRAMES = 6;

    private FaceDetector detector;

    /** Used by {@link java.util.ServiceLoader}. */
    public OpenCvFaceCheck() {}

    @Override
    public boolean imageHasFace(Path image) {
        return detector().hasHumanFace(image);
    }

    @Override
    public boolean clipHasFace(Path clip) {
        FaceDetector d = detector();
        for (BufferedImage frame : ClipSampler.sample(clip, FRAMES)) {
            if (d.hasHumanFace(frame)) {
                return true;
            }
        }
        return false;
    }

    private synchronized FaceDetector detector() {
        if (detector == null) {
            detector = FaceDetector.create();
        }
        return detector;
    }
}
