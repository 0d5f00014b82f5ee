package dev.sora4j.batch;

import dev.sora4j.CreateOutcome;
import dev.sora4j.SoraClient;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.options.Budget;
import dev.sora4j.options.SendOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a batch's creates on a few worker threads. Each create goes through the client's one
 * record-then-send road ({@link SoraClient#create(dev.sora4j.model.VideoRequest, SendOptions)}),
 * which owns the retries, the rate limit, the budget and the recovery of lost answers; a worker
 * only writes the result file and reports.
 */
final class CreateWorkers {
    private final SoraClient client;
    private final BatchListener listener;
    private final BatchOptions options;
    private final Path outDir;
    private final String batchKey;
    private final Budget budget;
    private final AtomicBoolean stop = new AtomicBoolean();

    CreateWorkers(
            SoraClient client,
            BatchListener listener,
            BatchOptions options,
            Path outDir,
            String batchKey,
            Budget budget) {
        this.client = client;
        this.listener = listener;
        this.options = options;
        this.outDir = outDir;
        this.batchKey = batchKey;
        this.budget = budget;
    }

    /** Sends every job; returns their results by line. */
    Map<Integer, BatchResult> run(List<BatchJob> toSend) {
        Map<Integer, BatchResult> results = new HashMap<>();
        if (toSend.isEmpty()) {
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "sora4j-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BatchResult>> futures = new ArrayList<>();
            for (BatchJob job : toSend) {
                futures.add(pool.submit(() -> createOne(job)));
            }
            for (Future<BatchResult> f : futures) {
                BatchResult r = f.get();
                results.put(r.job().line(), r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraInterruptedException(
                    "Interrupted; jobs already created are in the ledger (resuming the batch continues).", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SoraInterruptedException interrupted) {
                throw interrupted;
            }
            throw new SoraException("A batch worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private BatchResult createOne(BatchJob job) {
        if (stop.get()) {
            return skipped(job, "skipped after an earlier failure (" + SoraException.ref("fail_fast") + ")");
        }
        listener.started(job);
        AtomicInteger retries = new AtomicInteger();
        SendOptions send = SendOptions.forBatch(
                batchKey, job.line(), options.maxAttempts(), budget, (attempt, max, wait, cause) -> {
                    retries.incrementAndGet();
                    listener.retrying(job, attempt, max, wait, cause);
                });
        CreateOutcome outcome;
        try {
            outcome = client.create(job.request(), send);
        } catch (InvalidRequestException e) {
            if ("max_cost".equals(e.field())) {
                return skipped(job, "not sent: " + e.message(SoraException::ref));
            }
            return failed(job, retries.get() + 1, e.message(SoraException::ref));
        } catch (ApiException e) {
            return failed(job, retries.get() + 1, BatchRunner.describe(e));
        } catch (SoraInterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            // Anything unforeseen fails this job only; its intent stays in the ledger for the next run.
            return failed(job, retries.get() + 1, e.getMessage());
        }
        Path result = ResultFiles.of(outDir, job);
        if (outcome.adopted()) {
            listener.recovered(job, outcome.videoId(), true);
            ResultFiles.writeQuietly(client, listener, result, outcome.videoId());
            return new BatchResult(
                    job, BatchResult.Outcome.ADOPTED, outcome.videoId(), outcome.attempts(), null, null, null);
        }
        try {
            ResultFiles.write(result, outcome.job());
        } catch (IOException e) {
            return failed(job, outcome.attempts(), "created, but its result could not be written: " + e.getMessage());
        }
        listener.created(job, outcome.videoId(), result);
        return new BatchResult(
                job, BatchResult.Outcome.CREATED, outcome.videoId(), outcome.attempts(), null, null, null);
    }

    private static BatchResult skipped(BatchJob job, String why) {
        return new BatchResult(job, BatchResult.Outcome.SKIPPED, null, 0, null, null, why);
    }

    private BatchResult failed(BatchJob job, int attempts, String error) {
        if (options.failFast()) {
            stop.set(true);
        }
        listener.failed(job, error);
        return new BatchResult(job, BatchResult.Outcome.FAILED, null, attempts, null, null, error);
    }
}
