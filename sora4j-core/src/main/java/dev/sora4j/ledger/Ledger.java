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

    /** A status seen for a known job. */
    void status(VideoJob job);

    /** A finished download of the job's video. */
    void downloaded(String videoId, Path path, long size, String sha256);

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

    @Override
    void close();

    /** Records nothing (library users who do not want a ledger). */
    static Ledger none() {
        return NoLedger.INSTANCE;
    }
}
