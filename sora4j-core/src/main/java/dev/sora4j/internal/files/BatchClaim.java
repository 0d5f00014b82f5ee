package dev.sora4j.internal.files;

import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.internal.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An exclusive claim on one batch output directory, held for the whole of a create-batch run so that
 * two runs (an agent retrying a slow command, {@code sora resume} racing a rerun) never both create
 * jobs or write result files into the same place.
 *
 * <p>The claim is an OS file lock on {@code CLAIMS/<hash of the out-dir>.lock}: the kernel releases it when
 * the process dies, however it dies, so a crashed run's claim is taken over by the next run without
 * any timeout. Who holds it (pid, host, input, start time) is written to a separate {@code .owner}
 * file, only to word the refusal: reading the lock file itself from this JVM would release the lock
 * (POSIX locks belong to the process and drop when any descriptor of the file is closed).
 *
 * <p>The key is the output directory alone, not input + output: two different jobs files writing
 * into one directory would mix their {@code NNN-slug.json} results just the same.
 */
public final class BatchClaim implements AutoCloseable {
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final FileChannel channel;
    private final FileLock lock;
    private final Path ownerFile;

    private BatchClaim(FileChannel channel, FileLock lock, Path ownerFile) {
        this.channel = channel;
        this.lock = lock;
        this.ownerFile = ownerFile;
    }

    /**
     * Claims {@code outDir} for a run of {@code input}, or refuses.
     *
     * @param claimsDir where lock files live (the sora4j data directory's {@code claims/})
     * @throws BatchBusyException when another live run holds the claim
     */
    public static BatchClaim acquire(Path claimsDir, Path input, Path outDir, Clock clock) {
        Path out = outDir.toAbsolutePath().normalize();
        String key = Sha256.of(out.toString()).substring(0, 32);
        Path lockFile = claimsDir.resolve(key + ".lock");
        Path ownerFile = claimsDir.resolve(key + ".owner");
        FileChannel channel = null;
        try {
            Files.createDirectories(claimsDir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new BatchBusyException(busyMessage(input, out, ownerFile));
            }
            String owner = ProcessHandle.current().pid() + "\n" + host() + "\n" + clock.millis() + "\n"
                    + input.toAbsolutePath().normalize() + "\n";
            Files.writeString(ownerFile, owner, StandardCharsets.UTF_8);
            return new BatchClaim(channel, lock, ownerFile);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SoraException(
                    "Could not claim " + out + " for this run (" + claimsDir + ": " + e.getMessage()
                            + "); check that the sora4j data directory is writable.",
                    e);
        }
    }

    private static String busyMessage(Path input, Path out, Path ownerFile) {
        String who = "another sora process";
        String since = "";
        String ownerInput = input.toString();
        try {
            String[] lines = Files.readString(ownerFile, StandardCharsets.UTF_8).split("\n", -1);
            if (lines.length >= 4) {
                who = "pid " + lines[0] + (lines[1].equals(host()) ? "" : " on " + lines[1]);
                since = " since "
                        + SINCE.format(
                                Instant.ofEpochMilli(Long.parseLong(lines[2])).atZone(ZoneId.systemDefault()));
                ownerInput = lines[3];
            }
        } catch (IOException | NumberFormatException ignored) {
            // The owner note is only for the message; the lock is what counts.
        }
        return "batch " + Path.of(ownerInput).getFileName() + " → " + out + " is being run by " + who + since
                + "; wait for it to finish or stop it, then run this command again (created jobs are not sent twice).";
    }

    private static String host() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock either way.
            }
        }
    }

    /** Releases the claim; the lock file stays (deleting it would race with a run about to lock it). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(ownerFile);
            lock.release();
        } catch (IOException ignored) {
            // The process ending releases it too.
        } finally {
            closeQuietly(channel);
        }
    }

    /** Another live run holds the claim: nothing was sent (exit 2). */
    public static final class BatchBusyException extends InvalidRequestException {
        private static final long serialVersionUID = 1L;

        public BatchBusyException(String message) {
            super(null, message);
        }
    }
}
