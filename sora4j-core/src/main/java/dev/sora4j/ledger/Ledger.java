package dev.sora4j.ledger;

import dev.sora4j.model.VideoJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The record of every paid call: an intent before sending, the id after, then status changes,
 * downloads and errors. With it a crash loses nothing and a rerun pays for nothing twice.
 */
public interface Ledger extends AutoCloseable {
    /**
     * Writes the intent (durably) and returns its number.
     *
     * @param intent what is about to be sent
     * @return what is about to be sent
     */
    long intent(Intent intent);

    /**
     * The service answered with a job (or a character, whose id is recorded the same way).
     *
     * @param id the id the service gave
     * @param seq the ledger number of the entry
     * @param status the status
     */
    void created(long seq, String id, String status);

    /**
     * The service refused: nothing was created.
     *
     * @param error why, as one line
     * @param seq the ledger number of the entry
     */
    void refused(long seq, String error);

    /**
     * No answer, or a server error: the request may or may not have created a job.
     *
     * @param error why, as one line
     * @param seq the ledger number of the entry
     */
    void uncertain(long seq, String error);

    /**
     * The request never left this machine (no connection could be made): nothing was created, it costs
     * nothing and may be sent again. Ledgers without the distinction record it as refused.
     *
     * @param seq the intent's sequence number
     * @param error why no connection could be made
     */
    default void notSent(long seq, String error) {
        refused(seq, error);
    }

    /**
     * A status seen for a known job.
     *
     * @param job the job
     */
    void status(VideoJob job);

    /**
     * A finished download of the job's video.
     *
     * @param path where the file is
     * @param sha256 its hex SHA-256
     * @param size its size in bytes
     * @param videoId the video's id
     */
    void downloaded(String videoId, Path path, long size, String sha256);

    /**
     * A download of the job's {@code variant} to {@code path} is starting (so a later run can finish it).
     *
     * @param videoId the job
     * @param variant the variant's wire name
     * @param path the final path
     */
    default void downloadStarted(String videoId, String variant, Path path) {}

    /**
     * The download begun by {@link #downloadStarted} needs no resuming: it finished, or cannot be resumed.
     *
     * @param videoId the job
     * @param variant the variant's wire name
     * @param path the final path
     */
    default void downloadEnded(String videoId, String variant, Path path) {}

    /**
     * Downloads that were started but neither finished nor given up, oldest first.
     *
     * @return the pending downloads
     */
    default List<PendingDownload> pendingDownloads() {
        return List.of();
    }

    /**
     * By {@code @last}, {@code @N} or a video id.
     *
     * @param ref {@code @last}, {@code @N} or a video id
     * @return the find
     */
    Optional<LedgerEntry> find(String ref);

    /**
     * Newest first; {@code status} null for all.
     *
     * @param limit at most this many entries
     * @param status the status
     * @return the entries
     */
    List<LedgerEntry> list(String status, int limit);

    /**
     * Every id the ledger has recorded (jobs and characters).
     *
     * @return the known ids
     */
    Set<String> knownIds();

    /**
     * The entries of one create-batch run, by line.
     *
     * @param batchKey the create-batch run's key
     * @return the batch
     */
    List<LedgerEntry> batch(String batchKey);

    /**
     * Adopts a server job found by reconciliation for an intent that had no answer.
     *
     * @param seq the ledger number of the entry
     * @param status the status
     * @param videoId the video's id
     */
    void adopt(long seq, String videoId, String status);

    /**
     * A create-batch run began (or began again); {@code args} lets {@code sora resume} repeat it.
     *
     * @param args the run's command line as JSON
     * @param batchKey the create-batch run's key
     */
    void runStarted(String batchKey, String args);

    /**
     * Everything the run asked for is done.
     *
     * @param batchKey the create-batch run's key
     */
    void runFinished(String batchKey);

    /**
     * The {@code args} of runs that never finished, oldest first.
     *
     * @return the unfinished runs
     */
    List<String> unfinishedRuns();

    /**
     * The runs that never finished, oldest first.
     *
     * @return the unfinished runs; empty by default
     */
    default List<RunRecord> unfinishedRunRecords() {
        return List.of();
    }

    /**
     * Forgets a run, so {@code sora resume} no longer repeats it; its jobs stay in the ledger.
     *
     * @param batchKey the run's key
     */
    default void forgetRun(String batchKey) {}

    @Override
    void close();

    /**
     * Records nothing (library users who do not want a ledger).
     *
     * @return a ledger that records nothing
     */
    static Ledger none() {
        return NoLedger.INSTANCE;
    }
}
