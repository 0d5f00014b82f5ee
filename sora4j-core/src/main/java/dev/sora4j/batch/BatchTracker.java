package dev.sora4j.batch;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.TruncatedDownloadException;
import dev.sora4j.internal.files.Mp4Check;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.model.DownloadResult;
import dev.sora4j.model.ListQuery;
import dev.sora4j.model.Variant;
import dev.sora4j.model.VideoJob;
import dev.sora4j.model.VideoPage;
import dev.sora4j.options.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Follows a batch's jobs to their final status with few requests: one list call covers up to 100
 * jobs, and only jobs the list did not show are retrieved one by one. The wait between rounds starts
 * at the poll interval and grows by half up to four times it while nothing changes. A job that
 * completes is downloaded at once (in the background), with retries that resume the partial file.
 */
final class BatchTracker {
    static final int DOWNLOAD_ATTEMPTS = 8;
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(10);

    private final SoraClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BatchListener listener;
    private final BatchOptions options;
    private final Path outDir;

    BatchTracker(
            SoraClient client,
            Clock clock,
            Sleeper sleeper,
            BatchListener listener,
            BatchOptions options,
            Path outDir) {
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.options = options;
        this.outDir = outDir;
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
        Duration interval = options.pollInterval();
        Duration longest = options.pollInterval().multipliedBy(4);
        try {
            while (!pending.isEmpty()) {
                Map<String, VideoJob> seen = listRound(pending.keySet());
                for (String id : new ArrayList<>(pending.keySet())) {
                    if (!seen.containsKey(id)) {
                        try {
                            seen.put(id, client.retrieve(id));
                        } catch (ApiException e) {
                            if (!e.isTransient()) {
                                BatchResult r = pending.remove(id);
                                done.put(id, r.finished(null, null, BatchRunner.describe(e)));
                                listener.failed(r.job(), BatchRunner.describe(e));
                            }
                        }
                    }
                }
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
                            downloads.put(job.id(), downloaders.submit(() -> download(r, job)));
                        } else {
                            String problem = job.status().isCompleted()
                                    ? null
                                    : "ended " + job.status().value()
                                            + job.error()
                                                    .map(e -> ": " + e.code() + " " + e.message())
                                                    .orElse("");
                            if (problem != null) {
                                listener.failed(r.job(), problem);
                            }
                            done.put(job.id(), r.finished(job.status().value(), null, problem));
                        }
                    }
                }
                if (pending.isEmpty()) {
                    break;
                }
                interval =
                        changed ? options.pollInterval() : min(longest, Duration.ofMillis(interval.toMillis() * 3 / 2));
                Duration wait = interval;
                for (String id : pending.keySet()) {
                    Duration hint = client.pollAfter(id).orElse(Duration.ZERO);
                    if (hint.compareTo(wait) > 0) {
                        wait = hint; // The server asked for this much patience.
                    }
                }
                sleeper.sleep(wait);
            }
            for (Map.Entry<String, Future<BatchResult>> d : downloads.entrySet()) {
                done.put(d.getKey(), d.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraException("Interrupted while tracking; `sora resume` continues where this stopped.", e);
        } catch (java.util.concurrent.ExecutionException e) {
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

    /** One pass over the newest pages of the list endpoint, until every pending job was seen or the pages run out. */
    private Map<String, VideoJob> listRound(java.util.Set<String> pending) {
        Map<String, VideoJob> seen = new HashMap<>();
        String after = null;
        int pages = pending.size() / 100 + 2;
        for (int p = 0; p < pages; p++) {
            VideoPage page;
            try {
                page = client.list(new ListQuery(100, "desc", after));
            } catch (ApiException e) {
                break; // The per-job fallback covers this round.
            }
            for (VideoJob v : page.data()) {
                if (pending.contains(v.id())) {
                    seen.put(v.id(), v);
                }
            }
            if (seen.size() == pending.size() || !page.hasMore() || page.lastId() == null) {
                break;
            }
            after = page.lastId();
        }
        return seen;
    }

    private BatchResult download(BatchResult r, VideoJob job) throws InterruptedException {
        Variant variant = options.download();
        Path target = outDir.resolve(stem(r.job().outName()) + variant.extension());
        Optional<String> recorded = alreadyDownloaded(job.id(), target);
        if (recorded.isPresent()) {
            try {
                // A run killed between linking the file into place and removing its part leaves the part behind.
                Files.deleteIfExists(dev.sora4j.internal.files.Downloader.partFile(target, job.id(), variant));
            } catch (IOException ignored) {
                // Harmless: a hidden leftover, truncated by the next download to this path.
            }
            return r.finished(job.status().value(), target, null);
        }
        if (job.expiresAt() != null) {
            long left = job.expiresAt() - clock.millis() / 1000;
            if (left <= 0) {
                String msg = "its assets expired at " + java.time.Instant.ofEpochSecond(job.expiresAt())
                        + "; create it again";
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
                String msg = target + " exists and is not this job's download; move it or pass --force";
                listener.failed(r.job(), msg);
                return r.finished(job.status().value(), null, msg);
            } catch (TruncatedDownloadException | ApiException e) {
                boolean retry = !(e instanceof ApiException api) || api.isTransient();
                if (!retry || attempt >= DOWNLOAD_ATTEMPTS) {
                    listener.failed(r.job(), e.getMessage());
                    return r.finished(job.status().value(), null, e.getMessage());
                }
                sleeper.sleep(BatchRunner.backoff(attempt - 1).dividedBy(2));
            } catch (RuntimeException e) {
                // Anything else fails this job's download only, never the whole run.
                if (attempt >= DOWNLOAD_ATTEMPTS) {
                    listener.failed(r.job(), e.getMessage());
                    return r.finished(job.status().value(), null, e.getMessage());
                }
                sleeper.sleep(BatchRunner.backoff(attempt - 1).dividedBy(2));
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
            String sha = sha256(target);
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

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stem(String name) {
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
