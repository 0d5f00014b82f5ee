package dev.sora4j.faces;

import dev.sora4j.preflight.FaceCheck;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The {@link FaceCheck} service of this module: {@link FaceDetector} on input images and on {@value
 * #FRAMES} frames sampled across a clip. One detector serves the whole JVM: it is created on first
 * use (loading the natives takes seconds), so every client, preview and test that finds this service
 * pays for it once, and a command that never sees an image never loads it.
 */
public final class OpenCvFaceCheck implements FaceCheck {
    /** How many frames of a character clip are checked. */
    public static final int FRAMES = 6;

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

    private static FaceDetector detector() {
        return Shared.DETECTOR;
    }

    /** Initialised by the JVM on first access (thread-safe, once); never replaced. */
    private static final class Shared {
        static final FaceDetector DETECTOR = FaceDetector.create();

        private Shared() {}
    }
}
