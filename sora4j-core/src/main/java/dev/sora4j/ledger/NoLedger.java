package dev.sora4j.ledger;

import dev.sora4j.model.VideoJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The ledger that records nothing. */
enum NoLedger implements Ledger {
    INSTANCE;

    @Override
    public long intent(Intent intent) {
        return 0;
    }

    @Override
    public void created(long seq, String id, String status) {}

    @Override
    public void refused(long seq, String error) {}

    @Override
    public void uncertain(long seq, String error) {}

    @Override
    public void status(VideoJob job) {}

    @Override
    public void downloaded(String videoId, Path path, long size, String sha256) {}

    @Override
    public Optional<LedgerEntry> find(String ref) {
        return Optional.empty();
    }

    @Override
    public List<LedgerEntry> list(String status, int limit) {
        return List.of();
    }

    @Override
    public Set<String> knownIds() {
        return Set.of();
    }

    @Override
    public List<LedgerEntry> batch(String batchKey) {
        return List.of();
    }

    @Override
    public void adopt(long seq, String videoId, String status) {}

    @Override
    public void runStarted(String batchKey, String args) {}

    @Override
    public void runFinished(String batchKey) {}

    @Override
    public List<String> unfinishedRuns() {
        return List.of();
    }

    @Override
    public void close() {}
}
