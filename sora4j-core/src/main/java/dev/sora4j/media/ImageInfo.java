package dev.sora4j.media;

/**
 * What an image file is and how large it shows.
 *
 * @param kind the format by content
 * @param width the width as displayed, EXIF orientation applied
 * @param height the height as displayed, EXIF orientation applied
 * @param orientation the EXIF orientation (1 = as stored; 5 to 8 swap width and height)
 */
public record ImageInfo(MediaKind kind, int width, int height, int orientation) {
    /**
     * {@code WIDTHxHEIGHT}, as the API spells a size.
     *
     * @return the displayed size, e.g. {@code 1280x720}
     */
    public String size() {
        return width + "x" + height;
    }
}
