package dev.sora4j.emulator.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How media is rendered.
 *
 * @param threads how many clips are encoded at once
 * @param mode real per-job encodes, or cached plain clips
 * @param cacheDir where {@link RenderMode#FAST} keeps its clips (shared by processes)
 */
public record RenderConfig(int threads, RenderMode mode, Path cacheDir) {
    public RenderConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (threads < 1) {
            throw new IllegalArgumentException("renderThreads must be >= 1, got " + threads);
        }
    }

    /** One FFmpeg render at a time; fast clips cached under the temp directory. */
    public static RenderConfig defaults() {
        return new RenderConfig(
                1, RenderMode.FFMPEG, Path.of(System.getProperty("java.io.tmpdir"), "sora4j-render-cache"));
    }
}
