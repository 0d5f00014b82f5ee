package dev.sora4j.batch;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.TruncatedDownloadException;
import dev.sora4j.internal.Sha256;
import dev.sora4j.internal.files.Downloader;
import dev.sora4j.internal.files.Mp4Check;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Downloads a completed batch job next to its result file, with retries that resume the partial
 * file; a download already finished by an earlier run is recognised and not fetched again.
 */
final class BatchDownloader {
    static final int DOWNLOAD_ATTEMPTS = 8;
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(10);

    private final SoraClient client;
    private final BatchListener listener;
    private final BatchOptions options;
    private final Path outDir;

    BatchDownloader(SoraClient client, BatchListener listener, BatchOptions options, Path outDir) {
        this.client = client;
        this.listener = listener;
        this.options = options;
        this.outDir = outDir;
    }

    BatchResult download(BatchResult r, VideoJob job) throws InterruptedException {
        Variant variant = options.download();
        Path target = outDir.resolve(stem(r.job().outName()) + variant.extension());
        Optional<String> recorded = alreadyDownloaded(job.id(), target);
        if (recorded.isPresent()) {
            try {
                // A run killed between linking the file into place and removing its part leaves the part behind.
                Files.deleteIfExists(Downloader.partFile(target, job.id(), variant));
            } catch (IOException ignored) {
                // Harmless: a hidden leftover, truncated by the next download to this path.
            }
            return r.finished(job.status().value(), target, null);
        }
        if (job.expiresAt() != null) {
            long left = job.expiresAt() - client.clock().millis() / 1000;
            if (left <= 0) {
                String msg = "its assets expired at " + Instant.ofEpochSecond(job.expiresAt()) + "; create it again";
                listener.failed(r.job(), msg);
                return r.finished(job.status().value(), null, msg);
            }
            if (left < EXPIRY_MARGIN.toSeconds()) {
                listener.warning(job.id() + " expires in " + left + " s; downloading now");
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                DownloadResult d = client.download(job.id(), variant, target, options.force());
                listener.downloaded(r.job(), d.path(), d.bytes(), d.sha256());
                return r.finished(job.status().value(), d.path(), null);
            } catch (OutputExistsException e) {
                String msg = target + " exists and is not this job's download; move it or pass "
                        + SoraException.ref("force");
                listener.failed(r.job(), msg);
                return r.finished(job.status().value(), null, msg);
            } catch (TruncatedDownloadException | ApiException e) {
                boolean retry = !(e instanceof ApiException api) || api.isTransient();
                if (!retry || attempt >= DOWNLOAD_ATTEMPTS) {
                    String why = e.message(SoraException::ref);
                    listener.failed(r.job(), why);
                    return r.finished(job.status().value(), null, why);
                }
                client.sleeper().sleep(BatchRunner.backoff(attempt - 1).dividedBy(2));
            } catch (RuntimeException e) {
                // Anything else fails this job's download only, never the whole run.
                if (attempt >= DOWNLOAD_ATTEMPTS) {
                    listener.failed(r.job(), e.getMessage());
                    return r.finished(job.status().value(), null, e.getMessage());
                }
                client.sleeper().sleep(BatchRunner.backoff(attempt - 1).dividedBy(2));
            }
        }
    }

    /**
     * A finished download found at the target: the ledger's record, or a whole MP4 that a killed run
     * moved into place but had no time to record (it is recorded now).
     */
    private Optional<String> alreadyDownloaded(String videoId, Path target) {
        if (!Files.isRegularFile(target)) {
            return Optional.empty();
        }
        Optional<LedgerEntry> entry = client.ledger().find(videoId);
        try {
            String sha = Sha256.of(target);
            if (entry.isPresent() && sha.equals(entry.get().downloadSha256())) {
                return Optional.of(sha);
            }
            if (options.download() == Variant.VIDEO
                    && Mp4Check.problem(target).isEmpty()
                    && entry.isPresent()
                    && entry.get().downloadSha256() == null) {
                client.ledger().downloaded(videoId, target, Files.size(target), sha);
                return Optional.of(sha);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String stem(String name) {
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }
}
