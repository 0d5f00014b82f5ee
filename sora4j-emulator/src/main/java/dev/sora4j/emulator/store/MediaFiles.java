package dev.sora4j.emulator.store;

/** Names of the files in a job's media directory ({@link VideoStore#mediaDir}). */
public final class MediaFiles {
    /** The rendered video (H.264 + AAC). */
    public static final String VIDEO = "video.mp4";
    /** The rendered thumbnail. */
    public static final String THUMBNAIL = "thumbnail.webp";
    /** The rendered spritesheet. */
    public static final String SPRITESHEET = "spritesheet.jpg";
    /** The video an edit, extension or remix derives from, copied in at request time. */
    public static final String SOURCE = "source.mp4";
    /** The first-frame image of a create with an input reference. */
    public static final String INPUT_REFERENCE = "input_reference";

    private MediaFiles() {}
}
