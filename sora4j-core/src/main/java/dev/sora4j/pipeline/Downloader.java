package dev.sora4j.pipeline;

import dev.sora4j.OutputExistsException;
import dev.sora4j.SoraException;
import dev.sora4j.client.ContentStream;
import dev.sora4j.client.VideoGateway;
import dev.sora4j.model.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Downloads content so that nothing half-written ever sits at the target path: bytes stream into a
 * hidden temporary file beside the target, the length is checked against Content-Length, an MP4
 * must start with an {@code ftyp} box, the file is fsynced and only then moved into place.
 */
public final class Downloader {
    private static final int BUFFER = 64 * 1024;

    private final VideoGateway gateway;

    public Downloader(VideoGateway gateway) {
        this.gateway = gateway;
    }

    public DownloadResult download(String videoId, Variant variant, Path target, boolean force) {
        Path out = target.toAbsolutePath().normalize();
        if (Files.exists(out) && !force) {
            throw new OutputExistsException(target);
        }
        Path tmp = null;
        try {
            Files.createDirectories(out.getParent());
            tmp = Files.createTempFile(out.getParent(), "." + out.getFileName() + ".", ".part");
            readableByAll(tmp);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long written;
            try (ContentStream content = gateway.content(videoId, variant);
                    FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                written = copy(content.body(), Channels.newOutputStream(channel), sha);
                if (content.declaredLength().isPresent() && content.declaredLength().getAsLong() != written) {
                    throw new SoraException("Download of " + videoId + " (" + variant.wireName() + ") was truncated: got "
                            + written + " of " + content.declaredLength().getAsLong() + " bytes; run the download again.");
                }
                channel.force(true);
            }
            if (variant == Variant.VIDEO) {
                requireMp4(tmp, videoId);
            }
            moveIntoPlace(tmp, out, force);
            return new DownloadResult(out, written, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new SoraException("Could not write " + target + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Best effort: a leftover hidden .part file never shadows the real output.
                }
            }
        }
    }

    /** Temporary files start as 0600; a finished download should be readable like any other file. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system: keep the platform default.
        }
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest sha) throws IOException {
        byte[] buf = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            sha.update(buf, 0, n);
            total += n;
        }
        out.flush();
        return total;
    }

    private static void requireMp4(Path file, String videoId) throws IOException {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < 8 || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
            throw new SoraException("Download of " + videoId + " is not an MP4 file (no ftyp box); not saved.");
        }
    }

    /** Without force the move must not clobber: a hard link fails if the target appeared meanwhile. */
    private static void moveIntoPlace(Path tmp, Path out, boolean force) throws IOException {
        if (!force) {
            try {
                Files.createLink(out, tmp);
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
