package dev.sora4j.batch;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.model.VideoJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Follows a batch's jobs to their final status in rounds ({@link TrackingRound}) spaced by a
 * {@link PollBackoff}; a job that completes is downloaded at once in the background
 * ({@link BatchDownloader}).
 */
final class BatchTracker {
    private final SoraClient client;
    private final BatchListener listener;
    private final BatchOptions options;
    private final BatchDownloader downloader;

    BatchTracker(SoraClient client, BatchListener listener, BatchOptions options, Path outDir) {
        this.client = client;
        this.listener = listener;
        this.options = options;
        this.downloader = new BatchDownloader(client, listener, options, outDir);
    }

    List<BatchResult> finish(List<BatchResult> results) {
        Map<String, BatchResult> pending = new LinkedHashMap<>();
        for (BatchResult r : results) {
            if (r.videoId() != null) {
                pending.put(r.videoId(), r);
            }
        }
        Map<String, BatchResult> done = new HashMap<>();
        Map<String, Future<BatchResult>> downloads = new LinkedHashMap<>();
        ExecutorService downloaders = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sora4j-download");
            t.setDaemon(true);
            return t;
        });
        Map<String, String> lastSeen = new HashMap<>();
        PollBackoff backoff = new PollBackoff(options.pollInterval());
        TrackingRound round = new TrackingRound(client);
        try {
            while (!pending.isEmpty()) {
                Map<String, ApiException> failures = new LinkedHashMap<>();
                Map<String, VideoJob> seen = round.look(pending.keySet(), failures);
                failures.forEach((id, e) -> {
                    BatchResult r = pending.remove(id);
                    String why = BatchRunner.describe(e);
                    done.put(id, r.finished(null, null, why));
                    listener.failed(r.job(), why);
                });
                boolean changed = false;
                for (VideoJob job : seen.values()) {
                    BatchResult r = pending.get(job.id());
                    if (r == null) {
                        continue;
                    }
                    client.ledger().status(job);
                    String now = job.status().value() + "/" + job.progress();
                    if (!now.equals(lastSeen.put(job.id(), now))) {
                        changed = true;
                        listener.status(r.job(), job.id(), job.status().value(), job.progress());
                    }
                    if (job.status().isTerminal()) {
                        pending.remove(job.id());
                        if (job.status().isCompleted() && options.download() != null) {
                            downloads.put(job.id(), downloaders.submit(() -> downloader.download(r, job)));
                        } else {
                            done.put(job.id(), ended(r, job));
                        }
                    }
                }
                if (pending.isEmpty()) {
                    break;
                }
                Duration hint = Duration.ZERO;
                for (String id : pending.keySet()) {
                    Duration h = client.pollAfter(id).orElse(Duration.ZERO);
                    hint = h.compareTo(hint) > 0 ? h : hint;
                }
                client.sleeper().sleep(backoff.next(changed, hint));
            }
            for (Map.Entry<String, Future<BatchResult>> d : downloads.entrySet()) {
                done.put(d.getKey(), d.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraInterruptedException(
                    "Interrupted while tracking; resuming the batch continues where this stopped.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SoraInterruptedException interrupted) {
                throw interrupted;
            }
            throw new SoraException("A download worker failed: " + e.getCause(), e.getCause());
        } finally {
            downloaders.shutdownNow();
        }
        List<BatchResult> out = new ArrayList<>();
        for (BatchResult r : results) {
            out.add(r.videoId() == null ? r : done.getOrDefault(r.videoId(), r));
        }
        return out;
    }

    /** A terminal job that is not downloaded: completed is fine, anything else is this job's failure. */
    private BatchResult ended(BatchResult r, VideoJob job) {
        String problem = job.status().isCompleted()
                ? null
                : "ended " + job.status().value()
                        + job.error()
                                .map(e -> ": " + e.code() + " " + e.message())
                                .orElse("");
        if (problem != null) {
            listener.failed(r.job(), problem);
        }
        return r.finished(job.status().value(), null, problem);
    }
}
