package dev.sora4j.ledger;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A download that was started and neither finished nor given up (the process was interrupted or
 * killed, or the connection dropped): {@code sora resume} finishes it from its part file.
 *
 * @param videoId the job
 * @param variant {@code video}, {@code thumbnail} or {@code spritesheet}
 * @param path the absolute target path
 */
public record PendingDownload(String videoId, String variant, Path path) {
    /** The event detail that identifies one download: variant and absolute path. */
    static String detail(String variant, Path path) {
        return variant + " " + path.toAbsolutePath().normalize();
    }

    static Optional<PendingDownload> parse(String videoId, String detail) {
        int space = detail == null ? -1 : detail.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        return Optional.of(
                new PendingDownload(videoId, detail.substring(0, space), Path.of(detail.substring(space + 1))));
    }
}
