package dev.sora4j.preflight;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.internal.Sha256;
import dev.sora4j.media.ClipInfo;
import dev.sora4j.media.ClipProbe;
import dev.sora4j.media.FitMode;
import dev.sora4j.media.Fitter;
import dev.sora4j.media.ImageProbe;
import dev.sora4j.media.MediaKind;
import dev.sora4j.model.InputReference;
import dev.sora4j.model.VideoRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The local checks on uploaded media that every paid call runs before anything is recorded or sent:
 * an input reference must be a JPEG, PNG or WebP of the video's size, a character clip an MP4, and
 * (when the optional {@code sora4j-faces} module is on the class path) neither may show a human
 * face. Without a {@link FaceCheck} the face rule is left to the service.
 */
public final class InputPreflight {
    private final Optional<FaceCheck> faces;

    /**
     * Checks with the given face check, or none.
     *
     * @param faces the face detector, if any
     */
    public InputPreflight(Optional<FaceCheck> faces) {
        this.faces = faces;
    }

    /**
     * Checks with the face check found on the class path ({@link FaceCheck#discover()}), if any.
     *
     * @return the checks
     */
    public static InputPreflight discover() {
        return new InputPreflight(FaceCheck.discover());
    }

    /**
     * Whether a face detector is in use.
     *
     * @return true when faces are checked locally
     */
    public boolean checksFaces() {
        return faces.isPresent();
    }

    /**
     * Checks a validated create's input reference file (ids and URLs are the server's business).
     *
     * @param request the create, its size filled in
     * @throws InvalidRequestException ({@code input_reference}) when the file is not a JPEG, PNG or
     *     WebP, its size differs from the video's, or it shows a human face
     */
    public void checkReference(VideoRequest request) {
        if (!(request.inputReference() instanceof InputReference.ImageFile file)) {
            return;
        }
        if (request.size() != null) {
            ReferenceCheck.check(file.path(), request.size());
        } else {
            ImageProbe.probe(file.path());
        }
        if (faces.isPresent() && faces.get().imageHasFace(file.path())) {
            throw new InvalidRequestException("input_reference", FaceCheck.imageRefusal(file.path()));
        }
    }

    /**
     * Checks a character clip: an MP4 by content, without a human face.
     *
     * @param clip the clip to upload
     * @return its duration and size, for {@link ClipProbe#warnings}
     * @throws InvalidRequestException ({@code video}) when it is not an MP4 or shows a human face
     */
    public ClipInfo checkClip(Path clip) {
        ClipInfo info = ClipProbe.probe(clip);
        if (faces.isPresent() && faces.get().clipHasFace(clip)) {
            throw new InvalidRequestException("video", FaceCheck.clipRefusal(clip));
        }
        return info;
    }

    /**
     * The create with its input reference file replaced by a copy fitted to the video's size (EXIF
     * stripped, orientation applied), written to {@code workDir} under a name derived from the
     * source's content, the size and the mode, so the same inputs give the same file (and the same
     * request hash on a re-run). Other references are returned unchanged.
     *
     * @param request the validated create, its size filled in
     * @param mode crop, pad or stretch
     * @param workDir where fitted copies are kept (created when missing)
     * @return the request to send
     * @throws InvalidRequestException when the reference is not a readable JPEG, PNG or WebP
     */
    public static VideoRequest fitted(VideoRequest request, FitMode mode, Path workDir) {
        if (!(request.inputReference() instanceof InputReference.ImageFile file) || request.size() == null) {
            return request;
        }
        int[] wh = ReferenceCheck.parseSize(request.size());
        MediaKind kind = ImageProbe.probe(file.path()).kind();
        String ext = kind == MediaKind.JPEG ? "jpg" : "png";
        try {
            Files.createDirectories(workDir);
            String digest = Sha256.of(file.path());
            Path target = workDir.resolve(String.format(
                    Locale.ROOT,
                    "%s-%dx%d-%s.%s",
                    digest.substring(0, 16),
                    wh[0],
                    wh[1],
                    mode.name().toLowerCase(Locale.ROOT),
                    ext));
            if (!Files.isRegularFile(target)) {
                Fitter.fit(file.path(), wh[0], wh[1], mode, target);
            }
            return new VideoRequest(
                    request.prompt(),
                    request.model(),
                    request.size(),
                    request.seconds(),
                    new InputReference.ImageFile(target),
                    request.characterIds());
        } catch (IOException e) {
            throw new InvalidRequestException(
                    "input_reference",
                    "cannot write a fitted copy of " + file.path() + " to " + workDir + ": " + e.getMessage());
        }
    }
}
