package dev.sora4j.media;

import dev.sora4j.errors.InvalidRequestException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a copy of an image fitted to the video's size. The copy is re-encoded from pixels, so no
 * EXIF or other metadata survives, and the EXIF orientation is applied first so the copy shows the
 * way the original did. A JPEG stays a JPEG (quality 0.92); PNG and WebP become PNG (lossless).
 */
public final class Fitter {
    private Fitter() {}

    /**
     * Fits {@code source} to {@code width}x{@code height} and writes it to {@code target} (through a
     * temporary file, renamed when complete).
     *
     * @param source the image to fit
     * @param width the target width in pixels
     * @param height the target height in pixels
     * @param mode how to handle a different aspect ratio
     * @param target where to write the result
     * @return the kind written: {@link MediaKind#JPEG} or {@link MediaKind#PNG}
     * @throws InvalidRequestException when the source is not a readable JPEG, PNG or WebP
     */
    public static MediaKind fit(Path source, int width, int height, FitMode mode, Path target) {
        ImageInfo info = ImageProbe.probe(source);
        BufferedImage image;
        try {
            image = ImageIO.read(source.toFile());
        } catch (IOException e) {
            throw new InvalidRequestException(
                    "input_reference", "cannot decode input reference " + source + "; re-export the image");
        }
        BufferedImage fitted = fit(oriented(image, info.orientation()), width, height, mode);
        MediaKind out = info.kind() == MediaKind.JPEG ? MediaKind.JPEG : MediaKind.PNG;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".fit-", ".tmp");
            try {
                write(fitted, out, tmp);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write fitted image " + target, e);
        }
        return out;
    }

    /**
     * The image fitted to the size, as pixels (opaque RGB).
     *
     * @param src the image to fit
     * @param width the target width in pixels
     * @param height the target height in pixels
     * @param mode how to handle a different aspect ratio
     * @return a new {@code width}x{@code height} RGB image
     */
    public static BufferedImage fit(BufferedImage src, int width, int height, FitMode mode) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, width, height);
            int sw = src.getWidth();
            int sh = src.getHeight();
            switch (mode) {
                case STRETCH -> g.drawImage(src, 0, 0, width, height, null);
                case CROP, PAD -> {
                    double sx = width / (double) sw;
                    double sy = height / (double) sh;
                    double s = mode == FitMode.CROP ? Math.max(sx, sy) : Math.min(sx, sy);
                    int dw = (int) Math.round(sw * s);
                    int dh = (int) Math.round(sh * s);
                    g.drawImage(src, (width - dw) / 2, (height - dh) / 2, dw, dh, null);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The image as it is meant to be seen, for EXIF orientations 1 to 8. */
    static BufferedImage oriented(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        // for each shown pixel, the stored pixel it comes from (EXIF 2.3, tag 0x0112)
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> {
                        sx = w - 1 - x;
                        sy = y;
                    }
                    case 3 -> {
                        sx = w - 1 - x;
                        sy = h - 1 - y;
                    }
                    case 4 -> {
                        sx = x;
                        sy = h - 1 - y;
                    }
                    case 5 -> {
                        sx = y;
                        sy = x;
                    }
                    case 6 -> {
                        sx = y;
                        sy = h - 1 - x;
                    }
                    case 7 -> {
                        sx = w - 1 - y;
                        sy = h - 1 - x;
                    }
                    default -> {
                        sx = w - 1 - y;
                        sy = x;
                    }
                }
                out.setRGB(x, y, src.getRGB(sx, sy));
            }
        }
        return out;
    }

    private static void write(BufferedImage image, MediaKind kind, Path file) throws IOException {
        if (kind == MediaKind.PNG) {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
            return;
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.92f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
    }
}
