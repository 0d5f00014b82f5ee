package dev.sora4j.cli.gallery;

import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.model.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only files the gallery serves, and no path ever comes from a request: a job's video is the
 * file the ledger recorded for its download; its thumbnail and spritesheet are fetched through the
 * client on first view into the gallery's cache, under a name made from a hash of the job id.
 */
public final class MediaFiles {
    /** After a failed fetch (e.g. expired assets), the grid does not ask the service again this soon. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final GalleryBackend backend;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> failedAt = new ConcurrentHashMap<>();

    /**
     * Files of the ledger {@code backend} reads, fetched through its client.
     *
     * @param backend the ledger and client
     * @param clock when a failed fetch may be retried
     */
    public MediaFiles(GalleryBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /**
     * The downloaded video of a job, if the ledger recorded one and it is still a readable file.
     *
     * @param e the ledger entry
     * @return the file
     */
    public static Optional<Path> video(LedgerEntry e) {
        if (e.downloadPath() == null) {
            return Optional.empty();
        }
        Path p = Path.of(e.downloadPath());
        return Files.isRegularFile(p) && Files.isReadable(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * The cached thumbnail or spritesheet of a completed job, fetched now if not cached yet.
     *
     * @param e the ledger entry
     * @param variant {@link Variant#THUMBNAIL} or {@link Variant#SPRITESHEET}
     * @return the file, or empty when the job has none or the service would not give it
     */
    public Optional<Path> asset(LedgerEntry e, Variant variant) {
        if (variant == Variant.VIDEO || e.videoId() == null || !"completed".equals(e.status())) {
            return Optional.empty();
        }
        if (!backend.reaches(e) && !Files.isRegularFile(cached(backend.cacheDir(), e.videoId(), variant))) {
            return Optional.empty();
        }
        Path target = cached(backend.cacheDir(), e.videoId(), variant);
        if (Files.isRegularFile(target)) {
            return Optional.of(target);
        }
        String key = target.toString();
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            if (Files.isRegularFile(target)) {
                return Optional.of(target);
            }
            Long failed = failedAt.get(key);
            if (failed != null && clock.millis() - failed < RETRY_AFTER.toMillis()) {
                return Optional.empty();
            }
            try {
                Files.createDirectories(target.getParent());
                backend.fetch(e.videoId(), variant, target);
                failedAt.remove(key);
            } catch (Exception ex) {
                // Expired or deleted assets, or a service that is down: the card shows no picture.
                failedAt.put(key, clock.millis());
                return Optional.empty();
            }
        }
        return Files.isRegularFile(target) ? Optional.of(target) : Optional.empty();
    }

    /**
     * Forgets the cached assets of a job (after it was deleted on the server).
     *
     * @param videoId the job
     */
    public void evict(String videoId) {
        for (Variant v : new Variant[] {Variant.THUMBNAIL, Variant.SPRITESHEET}) {
            try {
                Files.deleteIfExists(cached(backend.cacheDir(), videoId, v));
            } catch (Exception ignored) {
                // A stale picture of a deleted job is harmless; the next start can clean it.
            }
        }
    }

    /**
     * Where an asset of a job is cached: the id is hashed, so no id (whatever a ledger holds) can
     * name a path outside the cache.
     *
     * @param cacheDir the cache
     * @param videoId the job
     * @param variant the asset
     * @return the path
     */
    static Path cached(Path cacheDir, String videoId, Variant variant) {
        return cacheDir.resolve(hash(videoId)).resolve(variant.defaultFileName());
    }

    /**
     * The content type a served file is sent with.
     *
     * @param variant the asset
     * @return its media type
     */
    static String contentType(Variant variant) {
        return switch (variant) {
            case VIDEO -> "video/mp4";
            case THUMBNAIL -> "image/webp";
            case SPRITESHEET -> "image/jpeg";
        };
    }

    private static String hash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
