package dev.sora4j.emulator.render;

import dev.sora4j.emulator.store.MediaFiles;
import dev.sora4j.emulator.store.VideoStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Real media without a per-job encode: one plain clip per size and duration is rendered by FFmpeg
 * into a cache directory (shared by every process that uses it) and copied into each job. The
 * files are genuine H.264/AAC MP4, WebP and JPEG of the requested size and length; only the
 * pictures do not show the job's prompt, reference image or source video (the emulator renders them
 * with {@link FfmpegRenderer#stillFrames()}: one held picture, so a miss on a fresh machine is cheap).
 */
public final class FastRenderer implements Renderer {
    private static final List<String> ASSETS = List.of(MediaFiles.THUMBNAIL, MediaFiles.SPRITESHEET, MediaFiles.VIDEO);

    private final Path cacheDir;
    private final Renderer encoder;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param cacheDir where the clips are kept, {@code <width>x<height>-<seconds>s/}
     * @param encoder renders a clip the first time its size and duration are asked for
     */
    public FastRenderer(Path cacheDir, Renderer encoder) {
        this.cacheDir = cacheDir;
        this.encoder = encoder;
    }

    @Override
    public void render(Spec spec, Path dir) throws IOException {
        Path clip = clip(spec.width(), spec.height(), spec.seconds());
        Files.createDirectories(dir);
        // The video last: its arrival is what marks the job's media complete.
        for (String name : ASSETS) {
            Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
            try {
                Files.copy(clip.resolve(name), tmp, StandardCopyOption.REPLACE_EXISTING);
                VideoStore.moveIntoPlace(tmp, dir.resolve(name));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The cached clip's directory, rendered first if no process has rendered it yet. */
    private Path clip(int width, int height, int seconds) throws IOException {
        String key = width + "x" + height + "-" + seconds + "s";
        Path ready = cacheDir.resolve(key);
        if (Files.isRegularFile(ready.resolve(MediaFiles.VIDEO))) {
            return ready;
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            if (Files.isRegularFile(ready.resolve(MediaFiles.VIDEO))) {
                return ready;
            }
            Files.createDirectories(cacheDir);
            Path work = Files.createTempDirectory(cacheDir, "." + key);
            try {
                encoder.render(
                        new Spec("cached", "sora4j emulator", "sora-2", width, height, seconds, null, null), work);
                try {
                    Files.move(work, ready, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    // Another process put the same clip in place first; its copy is as good as ours.
                    if (!Files.isRegularFile(ready.resolve(MediaFiles.VIDEO))) {
                        throw raced;
                    }
                }
            } finally {
                deleteTree(work);
            }
            return ready;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
