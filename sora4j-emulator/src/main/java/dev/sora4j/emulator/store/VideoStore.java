package dev.sora4j.emulator.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sora4j.emulator.http.ApiError;
import dev.sora4j.emulator.http.Content;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Jobs and their media on disk: {@code videos/<id>.json} and {@code media/<id>/}. Every write goes
 * to a temporary file first and is renamed into place, so a reader (possibly another process)
 * never sees half a file.
 */
public final class VideoStore {
    private final JsonDirectory<StoredVideo> records;
    private final Path videos;
    private final Path media;
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public VideoStore(Path stateDir, ObjectMapper json) {
        this.records =
                new JsonDirectory<>(stateDir.resolve("videos"), json, StoredVideo.class, "[A-Za-z0-9_\\-]{1,128}");
        this.videos = records.dir();
        this.media = stateDir.resolve("media");
        try {
            Files.createDirectories(media);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create emulator state directory " + stateDir, e);
        }
    }

    public void save(StoredVideo video) {
        records.save(video.id(), video);
    }

    public Optional<StoredVideo> find(String id) {
        return records.find(id);
    }

    /** The job, or the service's 404 naming it. */
    public StoredVideo require(String id, String param) {
        return find(id).orElseThrow(() ->
                new ApiError(404, "invalid_request_error", param, null, "Video with id '" + id + "' not found."));
    }

    /**
     * All jobs, oldest first (creation time, then id, so the order is total). Files are parsed again
     * only when their modification time changed, so listing thousands of jobs stays cheap while jobs
     * written by other processes still show up.
     */
    public List<StoredVideo> all() {
        List<StoredVideo> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (Stream<Path> files = Files.list(videos)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".json") || name.startsWith(".")) {
                    continue;
                }
                String id = name.substring(0, name.length() - 5);
                java.nio.file.attribute.BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                // Every write renames a new file into place, so a changed inode (or mtime) means new content.
                Object version = java.util.Arrays.asList(attrs.fileKey(), attrs.lastModifiedTime());
                Cached cached = cache.get(id);
                if (cached == null || !cached.version.equals(version)) {
                    StoredVideo v = find(id).orElse(null);
                    if (v == null) {
                        continue;
                    }
                    cached = new Cached(version, v);
                    cache.put(id, cached);
                }
                seen.add(id);
                out.add(cached.video);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cache.keySet().retainAll(seen);
        out.sort(Comparator.comparingLong(StoredVideo::createdAtMs).thenComparing(StoredVideo::id));
        return out;
    }

    private record Cached(Object version, StoredVideo video) {}

    public void delete(String id) {
        records.delete(id);
        deleteMedia(id);
    }

    /** Deletes the job's media directory, keeping its record. */
    public void deleteMedia(String id) {
        try {
            Path dir = mediaDir(id);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path mediaDir(String id) {
        return media.resolve(id);
    }

    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Streams {@code content} to a temporary file next to {@code target}, then renames it into place. */
    public static void writeAtomically(Path target, Content content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (InputStream in = content.open()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
