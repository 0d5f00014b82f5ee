package dev.sora4j.ledger;

import dev.sora4j.errors.SoraException;
import dev.sora4j.model.VideoJob;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A ledger that cannot lose an id the service already handed out. When recording a created job fails
 * (the disk is full, the file is locked), the id is appended to a small journal next to the ledger
 * ({@code ledger.journal}, fsynced) and the failure names the id, so it reaches the user's terminal;
 * {@link #replay} records journalled ids into the ledger on the next run. Every other call goes
 * straight to the ledger it wraps.
 */
public final class LedgerJournal implements Ledger {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final Ledger ledger;
    private final Path journal;

    /**
     * A ledger whose writes fall back to the journal file when they fail.
     *
     * @param ledger the ledger to write to
     * @param journal the journal file for ids the ledger could not record
     */
    public LedgerJournal(Ledger ledger, Path journal) {
        this.ledger = ledger;
        this.journal = journal;
    }

    /**
     * The journal beside a ledger file: {@code ledger.db} → {@code ledger.journal}.
     *
     * @param ledgerFile the ledger's database file
     * @return the journal path in the same directory
     */
    public static Path beside(Path ledgerFile) {
        String name = ledgerFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return ledgerFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".journal");
    }

    /**
     * Records every journalled id into {@code ledger}, then removes the journal; returns how many.
     * An id the ledger already has is skipped. On a failure the journal is kept for the next run.
     *
     * @param ledger the ledger to record into
     * @param journal the journal file; a missing one replays nothing
     * @return how many ids were recorded
     */
    public static int replay(Ledger ledger, Path journal) {
        List<String> lines;
        try {
            lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new SoraException("Could not read the ledger journal " + journal + ": " + e.getMessage(), e);
        }
        int done = 0;
        Set<String> known = new java.util.HashSet<>(ledger.knownIds());
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            // A line cut by a crash mid-append has fewer fields: nothing was acknowledged for it.
            if (f.length != 4
                    || !f[0].equals("created")
                    || f[2].isEmpty()
                    || !DIGITS.matcher(f[1]).matches()) {
                continue;
            }
            if (!known.contains(f[2])) {
                ledger.created(Long.parseLong(f[1]), f[2], f[3]);
                known.add(f[2]);
                done++;
            }
        }
        try {
            Files.delete(journal);
        } catch (IOException e) {
            throw new SoraException(
                    "Recorded the ledger journal " + journal + " but could not remove it: " + e.getMessage(), e);
        }
        return done;
    }

    @Override
    public void created(long seq, String id, String status) {
        try {
            ledger.created(seq, id, status);
        } catch (RuntimeException e) {
            throw lost(seq, id, status, e);
        }
    }

    @Override
    public void adopt(long seq, String videoId, String status) {
        try {
            ledger.adopt(seq, videoId, status);
        } catch (RuntimeException e) {
            throw lost(seq, videoId, status, e);
        }
    }

    private SoraException lost(long seq, String id, String status, RuntimeException cause) {
        String saved;
        try {
            append("created\t" + seq + "\t" + id + "\t" + status + "\n");
            saved = "saved in " + journal + "; the next sora command records it";
        } catch (IOException | RuntimeException e) {
            saved = "and it could not be saved in " + journal + " either (" + e.getMessage() + "); note the id";
        }
        return new LedgerWriteException(
                "The service created " + id + " (ledger @" + seq + "), but the ledger could not record it ("
                        + cause.getMessage() + "); " + saved + ".",
                id,
                cause);
    }

    private void append(String line) throws IOException {
        Files.createDirectories(journal.toAbsolutePath().getParent());
        boolean posix = journal.getFileSystem().supportedFileAttributeViews().contains("posix");
        StandardOpenOption[] options = {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND};
        try (FileChannel ch = posix
                ? FileChannel.open(
                        journal,
                        Set.of(options),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(journal, options)) {
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** The service created {@link #videoId()}, and the ledger could not record it. */
    public static final class LedgerWriteException extends SoraException {
        private static final long serialVersionUID = 1L;
        /** The video id the ledger could not record. */
        private final String videoId;

        /**
         * An exception for a created video the ledger missed.
         *
         * @param message what failed
         * @param videoId the created video's id
         * @param cause the ledger's failure
         */
        public LedgerWriteException(String message, String videoId, Throwable cause) {
            super(message, cause);
            this.videoId = videoId;
        }

        /**
         * The video the ledger could not record.
         *
         * @return the video id
         */
        public String videoId() {
            return videoId;
        }
    }

    @Override
    public long intent(Intent intent) {
        return ledger.intent(intent);
    }

    @Override
    public void refused(long seq, String error) {
        ledger.refused(seq, error);
    }

    @Override
    public void uncertain(long seq, String error) {
        ledger.uncertain(seq, error);
    }

    @Override
    public void notSent(long seq, String error) {
        ledger.notSent(seq, error);
    }

    @Override
    public void status(VideoJob job) {
        ledger.status(job);
    }

    @Override
    public void downloaded(String videoId, Path path, long size, String sha256) {
        ledger.downloaded(videoId, path, size, sha256);
    }

    @Override
    public void downloadStarted(String videoId, String variant, Path path) {
        ledger.downloadStarted(videoId, variant, path);
    }

    @Override
    public void downloadEnded(String videoId, String variant, Path path) {
        ledger.downloadEnded(videoId, variant, path);
    }

    @Override
    public List<PendingDownload> pendingDownloads() {
        return ledger.pendingDownloads();
    }

    @Override
    public Optional<LedgerEntry> find(String ref) {
        return ledger.find(ref);
    }

    @Override
    public List<LedgerEntry> list(String status, int limit) {
        return ledger.list(status, limit);
    }

    @Override
    public Set<String> knownIds() {
        return ledger.knownIds();
    }

    @Override
    public List<LedgerEntry> batch(String batchKey) {
        return ledger.batch(batchKey);
    }

    @Override
    public void runStarted(String batchKey, String args) {
        ledger.runStarted(batchKey, args);
    }

    @Override
    public void runFinished(String batchKey) {
        ledger.runFinished(batchKey);
    }

    @Override
    public List<String> unfinishedRuns() {
        return ledger.unfinishedRuns();
    }

    @Override
    public List<RunRecord> unfinishedRunRecords() {
        return ledger.unfinishedRunRecords();
    }

    @Override
    public void forgetRun(String batchKey) {
        ledger.forgetRun(batchKey);
    }

    /** Leaves the wrapped ledger open: whoever opened it closes it. */
    @Override
    public void close() {}
}
