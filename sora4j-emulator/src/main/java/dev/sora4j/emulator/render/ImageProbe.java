package dev.sora4j.emulator.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's width and height from its header, without decoding its pixels: a few kilobytes
 * declaring 50000x50000 must not make the emulator allocate gigabytes (a decompression bomb).
 */
public final class ImageProbe {
    /** Width and height in pixels. */
    public record Dimensions(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private ImageProbe() {}

    /** The dimensions of a JPEG or PNG, or empty when no reader understands the header. */
    public static Optional<Dimensions> dimensions(byte[] image) {
        return dimensions(new ByteArrayInputStream(image));
    }

    /** As {@link #dimensions(byte[])}, reading only as much of {@code in} as the header needs. */
    public static Optional<Dimensions> dimensions(InputStream in) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            if (iis == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
