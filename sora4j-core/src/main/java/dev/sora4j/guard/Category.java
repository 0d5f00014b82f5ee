package dev.sora4j.guard;

import java.util.Locale;
import java.util.Optional;

/** A kind of content the service refuses, with the hint that tells a user how to rephrase. */
public enum Category {
    /** Real people, public figures included. */
    PUBLIC_FIGURE(
            "public-figures",
            "real person or public figure",
            "describe an original, fictional person by look and role instead of naming a real one"),
    /** Copyrighted characters, franchises and the studios' worlds. */
    FRANCHISE(
            "franchises",
            "copyrighted character or franchise",
            "describe an original character or world in your own words, without its name or trademark"),
    /** Copyrighted songs, and artists named as a model ("in the style of", "playing", "sung by"). */
    MUSIC(
            "music",
            "copyrighted music",
            "describe the music by genre, mood, tempo and instruments instead of naming a song or artist"),
    /** Sexual content, graphic violence and gore, drugs, self-harm. */
    ADULT(
            "adult",
            "content not suitable for under-18 audiences",
            "keep it suitable for under-18 audiences: no sexual content, graphic violence or gore, drugs"
                    + " or self-harm");

    private final String fileName;
    private final String label;
    private final String hint;

    Category(String fileName, String label, String hint) {
        this.fileName = fileName;
        this.label = label;
        this.hint = hint;
    }

    /**
     * The base name of this category's rule file, also accepted in a {@code # category:} header.
     *
     * @return the rule file's base name, e.g. {@code music}
     */
    public String fileName() {
        return fileName;
    }

    /**
     * A short human description, used in refusal lines.
     *
     * @return the category's label
     */
    public String label() {
        return label;
    }

    /**
     * One line that tells the user how to rephrase.
     *
     * @return the rephrasing hint
     */
    public String hint() {
        return hint;
    }

    /**
     * The category named by a file base name or header value: {@code public-figures}, {@code
     * franchises}, {@code music}, {@code adult}, or the enum constant's name in any case.
     *
     * @param name a file base name, header value or constant name
     * @return the category, or empty when the name matches none
     */
    public static Optional<Category> named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Category c : values()) {
            if (c.fileName.equals(n)
                    || c.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
