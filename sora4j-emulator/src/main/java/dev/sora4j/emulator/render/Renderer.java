package dev.sora4j.emulator.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes a job's three assets in its media directory: {@code video.mp4}, {@code thumbnail.webp} and
 * {@code spritesheet.jpg}, each written under a temporary name and renamed, so a download never
 * sees a partial asset.
 */
public interface Renderer {
    /** Writes the assets of {@code spec} into {@code dir} (created if needed). */
    void render(Spec spec, Path dir) throws IOException;

    /**
     * What to render. {@code firstFrame} is the input reference image, or null; {@code source} is the
     * video this job derives from, or null.
     */
    public record Spec(
            String id,
            String prompt,
            String model,
            int width,
            int height,
            int seconds,
            BufferedImage firstFrame,
            Source source) {}

    /**
     * A source clip: an extension keeps its first {@code prefixSeconds} as they are and renders only
     * the new segment after them; an edit or remix paints its new prompt over every source frame.
     */
    public record Source(Path file, boolean underlay, int prefixSeconds) {
        public static Source prefix(Path file, int seconds) {
            return new Source(file, false, seconds);
        }

        public static Source underlay(Path file) {
            return new Source(file, true, 0);
        }
    }
}
