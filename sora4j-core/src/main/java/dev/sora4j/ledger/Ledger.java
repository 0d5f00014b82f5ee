package dev.sora4j.ledger;

import dev.sora4j.model.VideoJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The record of every paid call: an intent before sending, the id after, then status changes,
 * downloads and errors. With it a crash loses nothing and a rerun pays for nothing twice.
 */
public interface Ledger extends AutoCloseable {
    /** Writes the intent (durably) and returns its number. */
    long intent(Intent intent);

    /** The service answered with a job (or a character, whose id is recorded the same way). */
    void created(long seq, String id, String status);

    /** The service refused: nothing was created. */
    void refused(long seq, String error);

    /** No answer, or a server error: the request may or may not have created a job. */
    void uncertain(long seq, String error);

    /**
     * The request never left this machine (no connection could be made): nothing was created, it costs
     * nothing and may be sent again. Ledgers without the distinction record it as refused.
     */
    default void notSent(long seq, String error) {
        refused(seq, error);
    }

    /** A status seen for a known job. */
    void status(VideoJob job);

    /** A finished download of the job's video. */
    void downloaded(String videoId, Path path, long size, String sha256);

    /** A download of the job's {@code variant} to {@code path} is starting (so {@code sora resume} can finish it). */
    default void downloadStarted(String videoId, String variant, Path path) {}

    /** The download begun by {@link #downloadStarted} needs no resuming: it finished, or cannot be resumed. */
    default void downloadEnded(String videoId, String variant, Path path) {}

    /** Downloads that were started but neither finished nor given up, oldest first. */
    default List<PendingDownload> pendingDownloads() {
        return List.of();
    }

    /** By {@code @last}, {@code @N} or a video id. */
    Optional<LedgerEntry> find(String ref);

    /** Newest first; {@code status} null for all. */
    List<LedgerEntry> list(String status, int limit);

    /** Every id the ledger has recorded (jobs and characters). */
    java.util.Set<String> knownIds();

    /** The entries of one create-batch run, by line. */
    List<LedgerEntry> batch(String batchKey);

    /** Adopts a server job found by reconciliation for an intent that had no answer. */
    void adopt(long seq, String videoId, String status);

    /** A create-batch run began (or began again); {@code args} lets {@code sora resume} repeat it. */
    void runStarted(String batchKey, String args);

    /** Everything the run asked for is done. */
    void runFinished(String batchKey);

    /** The {@code args} of runs that never finished, oldest first. */
    List<String> unfinishedRuns();

    /** The runs that never finished, oldest first. */
    default List<RunRecord> unfinishedRunRecords() {
        return List.of();
    }

    /** Forgets a run, so {@code sora resume} no longer repeats it; its jobs stay in the ledger. */
    default void forgetRun(String batchKey) {}

    @Override
    void close();

    /** Records nothing (library users who do not want a ledger). */
    static Ledger none() {
        return NoLedger.INSTANCE;
    }
}
