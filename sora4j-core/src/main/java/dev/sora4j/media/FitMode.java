package dev.sora4j.media;

import dev.sora4j.errors.InvalidRequestException;
import java.util.Locale;

/** How {@link Fitter} brings an image to the video's size ({@code --fit crop|pad|stretch}). */
public enum FitMode {
    /** Scale to cover the target, then cut the overflow evenly from both sides. */
    CROP,
    /** Scale to fit inside the target, then fill the margins with black. */
    PAD,
    /** Scale each axis on its own; the aspect ratio changes. */
    STRETCH;

    /**
     * The mode named {@code crop}, {@code pad} or {@code stretch}, in any case.
     *
     * @param name the mode's name
     * @return the mode
     * @throws InvalidRequestException ({@code fit}) when the name is not a mode
     */
    public static FitMode parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("fit", "--fit must be crop, pad or stretch, not '" + name + "'");
        }
    }
}
