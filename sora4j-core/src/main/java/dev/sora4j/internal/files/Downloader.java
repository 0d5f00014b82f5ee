package dev.sora4j.internal.files;

import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.TruncatedDownloadException;
import dev.sora4j.internal.Sha256;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.Variant;
import dev.sora4j.spi.ContentStream;
import dev.sora4j.spi.VideoGateway;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Downloads content so that nothing half-written ever sits at the target path. Bytes go to a hidden
 * {@code .NAME.<id>-<variant>.part} file beside the target; a later attempt (even by another process after a crash)
 * resumes it with a range request. The length is checked against what the server declared, a video
 * must parse as a whole MP4 ({@link Mp4Check}), the file is fsynced, hashed, and only then moved
 * into place.
 */
public final class Downloader {
    private static final int BUFFER = 64 * 1024;

    private final VideoGateway gateway;

    public Downloader(VideoGateway gateway) {
        this.gateway = gateway;
    }

    /**
     * The hidden file a download of {@code target} writes to until it is complete. It names the job
     * and variant, so a resumed download never appends one video's bytes to another's.
     */
    public static Path partFile(Path target, String videoId, Variant variant) {
        Path out = target.toAbsolutePath().normalize();
        return out.resolveSibling("." + out.getFileName() + "." + videoId + "-" + variant.wireName() + ".part");
    }

    /**
     * @throws TruncatedDownloadException when the body ended early (the part is kept to resume)
     * @throws OutputExistsException when {@code target} exists and {@code force} is false
     */
    public DownloadResult download(String videoId, Variant variant, Path target, boolean force) {
        Path out = target.toAbsolutePath().normalize();
        if (Files.exists(out) && !force) {
            throw new OutputExistsException(target);
        }
        Path part = partFile(out, videoId, variant);
        boolean keepPart = true;
        try {
            Files.createDirectories(out.getParent());
            try (FileChannel channel = FileChannel.open(
                    part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new SoraException("Another download to " + target + " is running (" + part + " is locked).");
                }
                readableByAll(part);
                long written = channel.size();
                // Servers may answer a range with less than the rest (Javalin serves ranges in chunks):
                // keep asking from where the file ends, as long as every answer adds bytes.
                while (true) {
                    long copied;
                    long expected;
                    ContentStream opened;
                    try {
                        opened = gateway.content(videoId, variant, written);
                    } catch (ApiException e) {
                        if (e.status() != 416 || written == 0) {
                            throw e;
                        }
                        // The part already holds every byte (a run was killed just before renaming it), or
                        // the asset changed: start over from byte 0 rather than trust it.
                        written = 0;
                        channel.truncate(0);
                        continue;
                    }
                    try (ContentStream content = opened) {
                        long start = content.offset() == written ? written : 0;
                        channel.truncate(start);
                        copied = copy(content.body(), channel, start);
                        written = start + copied;
                        expected = content.totalLength().orElse(-1);
                    }
                    if (expected < 0 || written == expected) {
                        break;
                    }
                    if (written > expected || copied == 0) {
                        channel.force(true);
                        throw new TruncatedDownloadException(videoId, variant, written, expected);
                    }
                }
                channel.force(true);
                if (variant == Variant.VIDEO) {
                    Optional<String> problem = Mp4Check.problem(part);
                    if (problem.isPresent()) {
                        keepPart = false;
                        throw new SoraException("Download of " + videoId + " is not a whole MP4 (" + problem.get()
                                + "); not saved. Run the download again.");
                    }
                }
                String sha256 = Sha256.of(channel);
                moveIntoPlace(part, out, force);
                keepPart = false;
                return new DownloadResult(out, written, sha256);
            }
        } catch (IOException e) {
            // The network stream ending early and the disk refusing both land here; the part file is kept.
            throw new TruncatedDownloadException(
                    videoId,
                    variant,
                    "stopped early (" + e.getMessage() + "); run it again to " + "resume into " + part.getFileName(),
                    e);
        } finally {
            if (!keepPart) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // A leftover hidden .part file never shadows the real output; the next attempt truncates it.
                }
            }
        }
    }

    /** Temporary files start with the umask's mode; a finished download should be readable like any other file. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system: keep the platform default.
        }
    }

    private static long copy(InputStream in, FileChannel out, long at) throws IOException {
        byte[] buf = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
            while (b.hasRemaining()) {
                total += out.write(b, at + total);
            }
        }
        return total;
    }

    /** Without force the move must not clobber: a hard link fails if the target appeared meanwhile. */
    private static void moveIntoPlace(Path tmp, Path out, boolean force) throws IOException {
        if (!force) {
            try {
                Files.createLink(out, tmp);
                Files.delete(tmp);
                return;
            } catch (FileAlreadyExistsException e) {
                throw new OutputExistsException(out);
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(out)) {
                    throw new OutputExistsException(out);
                }
            }
        }
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
