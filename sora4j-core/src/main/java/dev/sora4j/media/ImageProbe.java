package dev.sora4j.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import dev.sora4j.errors.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's format (by content), size and EXIF orientation without decoding its pixels.
 * JPEG and PNG are read by the JDK, WebP by the TwelveMonkeys ImageIO plugin.
 */
public final class ImageProbe {
    private ImageProbe() {}

    /**
     * Probes an input reference image.
     *
     * @param file the image file
     * @return its kind, displayed size and orientation
     * @throws InvalidRequestException ({@code input_reference}) when the file is not a readable JPEG,
     *     PNG or WebP image
     */
    public static ImageInfo probe(Path file) {
        MediaKind kind = MediaKind.of(file);
        if (!kind.isImage()) {
            throw new InvalidRequestException(
                    "input_reference",
                    "input reference " + file + " is not a JPEG, PNG or WebP image (judged by its content);"
                            + " convert it to one of those");
        }
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw unreadable(file, "no image reader for " + kind.mimeType());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw unreadable(file, e.getMessage());
        }
        int orientation = orientation(file);
        boolean swap = orientation >= 5 && orientation <= 8;
        return new ImageInfo(kind, swap ? height : width, swap ? width : height, orientation);
    }

    /** The EXIF orientation, 1 when absent or unreadable (an image without EXIF shows as stored). */
    static int orientation(Path file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            ExifIFD0Directory dir = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (dir != null && dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return o >= 1 && o <= 8 ? o : 1;
            }
        } catch (ImageProcessingException | IOException | MetadataException e) {
            // metadata is optional: a file whose EXIF is damaged still shows as stored
        }
        return 1;
    }

    private static InvalidRequestException unreadable(Path file, String why) {
        return new InvalidRequestException(
                "input_reference", "cannot read input reference " + file + " (" + why + "); re-export the image");
    }
}
