package dev.sora4j.internal.files;

import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.InvalidRequestException;
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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Downloads content so that nothing half-written ever sits at the target path. Bytes go to a part file in
 * the private {@code .sora4j-parts/} directory beside the target ({@link PartFiles}); a later attempt (even
 * by another process after a crash) resumes it with a range request. The length is checked against what
 * the server declared, the content must be what the variant promises ({@link ContentCheck}), the file is
 * fsynced, hashed, and only then moved into place. A symlink at the target is never written through.
 */
public final class Downloader {
    private static final int BUFFER = 64 * 1024;

    private final VideoGateway gateway;

    public Downloader(VideoGateway gateway) {
        this.gateway = gateway;
    }

    /** The part file a download of {@code target} writes to until it is complete; see {@link PartFiles}. */
    public static Path partFile(Path target, String videoId, Variant variant) {
        return PartFiles.partFile(target, videoId, variant);
    }

    /**
     * @throws TruncatedDownloadException when the body ended early (the part is kept to resume)
     * @throws OutputExistsException when {@code target} exists and {@code force} is false
     */
    public DownloadResult download(String videoId, Variant variant, Path target, boolean force) {
        Path out = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(out) && !force) {
            throw new InvalidRequestException(
                    "out",
                    "Output " + target + " is a symbolic link; not writing through it. Remove it, "
                            + "or use --force to replace the link itself (its target is never touched).");
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new OutputExistsException(target);
        }
        Path part = partFile(out, videoId, variant);
        boolean keepPart = true;
        try {
            try (FileChannel channel = PartFiles.open(out, part)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new SoraException("Another download to " + target + " is running (" + part + " is locked).");
                }
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
                        // The gateways answer a refusal that names exactly the part's length as an empty
                        // remainder (a run killed just before renaming a whole part). This one does not:
                        // the asset changed or the server did not say its length, so start over from byte
                        // 0 rather than trust the part.
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
                Optional<String> problem = ContentCheck.problem(part, variant);
                if (problem.isPresent()) {
                    keepPart = false;
                    throw new SoraException("Download of " + videoId + " " + variant.wireName() + " is not "
                            + ContentCheck.expected(variant) + " (" + problem.get()
                            + "); not saved. Run the download again.");
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
                    PartFiles.removeIfEmpty(out);
                } catch (IOException ignored) {
                    // A leftover hidden .part file never shadows the real output; the next attempt truncates it.
                }
            }
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
