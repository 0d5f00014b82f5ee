package dev.sora4j.emulator.config;

/**
 * How media is made. {@link #FFMPEG} encodes every job's frames (prompt text, input reference,
 * source video). {@link #FAST} encodes one plain clip per size and duration, caches it on disk and
 * copies it into each job: real MP4/WebP/JPEG files of the right size and length, for tests that do
 * not look at pixels.
 */
public enum RenderMode {
    FFMPEG,
    FAST
}
