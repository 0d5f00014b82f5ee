package dev.sora4j.model;

import java.util.Locale;
import java.util.Optional;

/** Which asset of a completed job to download. */
public enum Variant {
    /** {@code video}. */
    VIDEO("video", ".mp4", "video.mp4"),
    /** {@code thumbnail}. */
    THUMBNAIL("thumbnail", ".webp", "thumbnail.webp"),
    /** {@code spritesheet}. */
    SPRITESHEET("spritesheet", ".jpg", "spritesheet.jpg");

    private final String wireName;
    private final String extension;
    private final String defaultFileName;

    Variant(String wireName, String extension, String defaultFileName) {
        this.wireName = wireName;
        this.extension = extension;
        this.defaultFileName = defaultFileName;
    }

    /**
     * The name the API uses.
     *
     * @return the wire name
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The file extension of this asset.
     *
     * @return the extension
     */
    public String extension() {
        return extension;
    }

    /**
     * The file name a download gets when none is given.
     *
     * @return the default file name
     */
    public String defaultFileName() {
        return defaultFileName;
    }

    /**
     * The variant with this wire name, ignoring case and surrounding blanks.
     *
     * @param value {@code video}, {@code thumbnail} or {@code spritesheet}; null means {@code video}
     * @return the variant, or empty when the name is not known
     */
    public static Optional<Variant> fromWireName(String value) {
        String v = value == null ? "video" : value.strip().toLowerCase(Locale.ROOT);
        for (Variant variant : values()) {
            if (variant.wireName.equals(v)) {
                return Optional.of(variant);
            }
        }
        return Optional.empty();
    }
}
