package dev.sora4j.model;

import dev.sora4j.errors.InvalidRequestException;
import java.util.Locale;

/** Which asset of a completed job to download. */
public enum Variant {
    VIDEO("video", ".mp4", "video.mp4"),
    THUMBNAIL("thumbnail", ".webp", "thumbnail.webp"),
    SPRITESHEET("spritesheet", ".jpg", "spritesheet.jpg");

    private final String wireName;
    private final String extension;
    private final String defaultFileName;

    Variant(String wireName, String extension, String defaultFileName) {
        this.wireName = wireName;
        this.extension = extension;
        this.defaultFileName = defaultFileName;
    }

    public String wireName() {
        return wireName;
    }

    public String extension() {
        return extension;
    }

    public String defaultFileName() {
        return defaultFileName;
    }

    public static Variant parse(String value) {
        String v = value == null ? "video" : value.strip().toLowerCase(Locale.ROOT);
        for (Variant variant : values()) {
            if (variant.wireName.equals(v)) {
                return variant;
            }
        }
        throw new InvalidRequestException(
                "variant", "variant '" + value + "' is not supported; use one of: video, thumbnail, spritesheet");
    }
}
