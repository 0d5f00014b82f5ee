package dev.sora4j.preflight;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.media.ImageInfo;
import dev.sora4j.media.ImageProbe;
import java.nio.file.Path;
import java.util.Locale;

/** Pre-flight for an input reference image: its format and its size against the video's size. */
public final class ReferenceCheck {
    private ReferenceCheck() {}

    /**
     * Checks that the image is a JPEG, PNG or WebP whose displayed size equals {@code targetSize}.
     *
     * @param targetSize the video size, {@code WIDTHxHEIGHT}
     * @param image the input reference image
     * @return what the image is
     * @throws InvalidRequestException ({@code input_reference}) naming both sizes and {@code --fit}
     */
    public static ImageInfo check(Path image, String targetSize) {
        ImageInfo info = ImageProbe.probe(image);
        if (!info.size().equals(targetSize)) {
            throw new InvalidRequestException(
                    "input_reference",
                    "input reference " + image + " is " + info.size() + " but the video is " + targetSize
                            + "; resize it, or pass --fit crop|pad|stretch to send a fitted copy");
        }
        return info;
    }

    /**
     * Parses {@code WIDTHxHEIGHT} into {@code {width, height}}.
     *
     * @param size the size, e.g. {@code 1280x720}
     * @return the width and height
     * @throws InvalidRequestException when it is not {@code WIDTHxHEIGHT}
     */
    public static int[] parseSize(String size) {
        String[] p = size.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].trim());
                int h = Integer.parseInt(p[1].trim());
                if (w > 0 && h > 0) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the one error below
        }
        throw new InvalidRequestException("size", "size must be WIDTHxHEIGHT, e.g. 1280x720, not '" + size + "'");
    }
}
