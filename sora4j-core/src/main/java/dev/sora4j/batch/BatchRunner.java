package dev.sora4j.batch;

import dev.sora4j.ApiException;
import dev.sora4j.OutputExistsException;
import dev.sora4j.SoraClient;
import dev.sora4j.SoraException;
import dev.sora4j.model.VideoJob;
import dev.sora4j.pipeline.AtomicFiles;
import dev.sora4j.pipeline.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates the jobs of a {@link JobsFile} with bounded concurrency, retrying transient failures
 * (honouring the service's Retry-After, else backing off exponentially) and writing each create
 * response to its own file in the output directory. Build the client with SDK retries off, so that
 * {@code maxAttempts} means what it says.
 */
public final class BatchRunner {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final SoraClient client;
    private final Sleeper sleeper;
    private final BatchListener listener;

    public BatchRunner(SoraClient client, Sleeper sleeper, BatchListener listener) {
        this.client = client;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    /**
     * Refuses, before anything is sent, to replace existing result files unless {@code force}.
     *
     * @throws OutputExistsException naming the first result file that exists
     */
    public static void checkOutputs(List<BatchJob> jobs, Path outDir, boolean force) {
        if (force) {
            return;
        }
        for (BatchJob job : jobs) {
            Path target = resultPath(outDir, job);
            if (Files.exists(target)) {
                throw new OutputExistsException(target);
            }
        }
    }

    /** The result file of {@code job}: always a plain name directly inside {@code outDir}. */
    public static Path resultPath(Path outDir, BatchJob job) {
        Path dir = outDir.toAbsolutePath().normalize();
        Path target = dir.resolve(job.outName()).normalize();
        if (!target.getParent().equals(dir)) {
            throw new SoraException("refusing to write outside " + dir + ": " + job.outName());
        }
        return target;
    }

    public List<BatchResult> run(List<BatchJob> jobs, Path outDir, BatchOptions options) {
        checkOutputs(jobs, outDir, options.force());
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new SoraException("Could not create --out-dir " + outDir + ": " + e.getMessage(), e);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "sora4j-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BatchResult>> futures = new ArrayList<>();
            for (BatchJob job : jobs) {
                futures.add(pool.submit(() -> runOne(job, outDir, options, stop)));
            }
            List<BatchResult> results = new ArrayList<>();
            for (Future<BatchResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraException("Interrupted; jobs already created are listed in " + outDir, e);
        } catch (ExecutionException e) {
            throw new SoraException("A batch worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private BatchResult runOne(BatchJob job, Path outDir, BatchOptions options, AtomicBoolean stop)
            throws InterruptedException {
        if (stop.get()) {
            return new BatchResult(job, BatchResult.Outcome.SKIPPED, null, 0, "skipped after an earlier failure (--fail-fast)");
        }
        listener.started(job);
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                VideoJob created = client.create(job.request());
                Path result = resultPath(outDir, job);
                AtomicFiles.write(result, (created.json() + "\n").getBytes(StandardCharsets.UTF_8));
                listener.created(job, created.id(), result);
                return new BatchResult(job, BatchResult.Outcome.CREATED, created.id(), attempt, null);
            } catch (ApiException e) {
                if (e.isTransient() && attempt < options.maxAttempts()) {
                    Duration wait = e.retryAfter().orElse(backoff(attempt));
                    listener.retrying(job, attempt, options.maxAttempts(), wait, e);
                    sleeper.sleep(wait);
                    continue;
                }
                return failed(job, attempt, describe(e), options, stop);
            } catch (IOException e) {
                return failed(job, attempt, "created, but its result could not be written: " + e.getMessage(), options, stop);
            } catch (SoraException e) {
                return failed(job, attempt, e.getMessage(), options, stop);
            }
        }
    }

    private BatchResult failed(BatchJob job, int attempts, String error, BatchOptions options, AtomicBoolean stop) {
        if (options.failFast()) {
            stop.set(true);
        }
        listener.failed(job, error);
        return new BatchResult(job, BatchResult.Outcome.FAILED, null, attempts, error);
    }

    /** 2 s, 4 s, 8 s ... capped at a minute, as the reference CLI waits. */
    static Duration backoff(int attempt) {
        long seconds = 1L << Math.min(attempt, 6);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    private static String describe(ApiException e) {
        return e.status() == 0 ? e.getMessage() : "HTTP " + e.status() + (e.code() == null ? "" : " (" + e.code() + ")")
                + ": " + e.getMessage();
    }
}
