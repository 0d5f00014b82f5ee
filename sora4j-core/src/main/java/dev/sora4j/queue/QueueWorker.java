package dev.sora4j.queue;

import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.batch.BatchListener;
import dev.sora4j.batch.BatchOptions;
import dev.sora4j.batch.BatchResult;
import dev.sora4j.batch.BatchRunner;
import dev.sora4j.batch.JobsFile;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.options.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One worker of a queue: {@code concurrency} loops, each claiming one line at a time and running it
 * through create-batch's pipeline ({@link BatchRunner}: the ledger plan, reconciliation of unanswered
 * creates, the create, tracking and the download), recording the line's end and claiming the next. Every line is recorded in the
 * shared ledger under the queue's batch key with the line's item id, so a line taken over from a dead
 * worker is tracked or reconciled, never sent blindly again. A background thread renews the leases.
 */
public final class QueueWorker {
    private final WorkQueue queue;
    private final SoraClient client;
    private final BatchListener listener;
    private final BatchOptions options;
    private final Path outDir;
    private final String workerId;
    private final Duration lease;
    private final Duration idle;
    private final Sleeper sleeper;
    private final Consumer<String> warn;

    /**
     * A worker.
     *
     * @param queue the queue tables
     * @param client sends, records and tracks (built with the team's rate gate)
     * @param listener hears each job's progress
     * @param options concurrency, attempts, tracking and download, as create-batch takes them
     * @param outDir where result files and downloads go
     * @param workerId this worker's id in leases (host, process, a random part)
     * @param lease how long a claim holds without renewal
     * @param idle how long to wait before looking again when nothing can be claimed
     * @param sleeper waits while idle
     * @param warn hears warnings about single lines
     */
    public QueueWorker(
            WorkQueue queue,
            SoraClient client,
            BatchListener listener,
            BatchOptions options,
            Path outDir,
            String workerId,
            Duration lease,
            Duration idle,
            Sleeper sleeper,
            Consumer<String> warn) {
        this.queue = queue;
        this.client = client;
        this.listener = listener;
        this.options = options;
        this.outDir = outDir;
        this.workerId = workerId;
        this.lease = lease;
        this.idle = idle;
        this.sleeper = sleeper;
        this.warn = warn;
    }

    /**
     * What a worker did.
     *
     * @param done lines it finished with a job
     * @param failed lines that failed or were skipped
     * @param released lines it gave back when stopped
     */
    public record Summary(int done, int failed, int released) {}

    /**
     * Works on {@code name} until stopped, or with {@code untilEmpty} until no line is pending or held
     * by anyone (a line held by a dead worker is waited for until its lease expires, then taken over).
     * On return or interruption the lines still held are released.
     *
     * @param name the queue
     * @param untilEmpty return once the queue has nothing left to claim or track
     * @param stop set to stop claiming (a graceful shutdown)
     * @return what it did
     * @throws SoraInterruptedException when interrupted (the lines it held were released)
     */
    public Summary run(String name, boolean untilEmpty, AtomicBoolean stop) {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sora4j-lease"));
        long every = Math.max(100, lease.toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
        // One loop per slot, each claiming one line at a time: a slow job never holds the others back.
        ExecutorService slots = Executors.newFixedThreadPool(options.concurrency(), r -> daemon(r, "sora4j-worker"));
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < options.concurrency(); i++) {
                loops.add(slots.submit(() -> loop(name, untilEmpty, stop, done, failed)));
            }
            for (Future<?> f : loops) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slots.shutdownNow();
            queue.release(workerId);
            throw new SoraInterruptedException(
                    "Interrupted; the lines in progress were released (their jobs are in the ledger).", e);
        } catch (ExecutionException e) {
            slots.shutdownNow();
            queue.release(workerId);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new SoraException("A queue worker failed: " + e.getCause(), e.getCause());
        } finally {
            slots.shutdownNow();
            renewer.shutdownNow();
        }
        return new Summary(done.get(), failed.get(), queue.release(workerId));
    }

    private void loop(String name, boolean untilEmpty, AtomicBoolean stop, AtomicInteger done, AtomicInteger failed) {
        while (!stop.get() && !Thread.currentThread().isInterrupted()) {
            List<QueueItem> items = queue.claim(name, workerId, 1, lease);
            if (items.isEmpty()) {
                QueueStatus s = queue.status(name);
                if (s.cancelled() || (untilEmpty && s.open() == 0)) {
                    return;
                }
                pause();
                continue;
            }
            for (Map.Entry<QueueItem, BatchResult> r : runAll(items).entrySet()) {
                BatchResult result = r.getValue();
                String state =
                        result.ok() ? "done" : result.outcome() == BatchResult.Outcome.SKIPPED ? "skipped" : "failed";
                String error = result.ok() ? null : result.error(SoraException::ref);
                queue.finish(
                        r.getKey(),
                        workerId,
                        state,
                        result.videoId(),
                        result.download() == null ? null : result.download().toString(),
                        error);
                (result.ok() ? done : failed).incrementAndGet();
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Releases what this worker holds (after an interruption, from a shutdown hook).
     *
     * @return how many lines were released
     */
    public int release() {
        return queue.release(workerId);
    }

    private Map<QueueItem, BatchResult> runAll(List<QueueItem> items) {
        Map<QueueItem, BatchResult> out = new HashMap<>();
        List<BatchJob> jobs = new ArrayList<>();
        Map<Integer, QueueItem> byLine = new HashMap<>();
        for (QueueItem item : items) {
            QueueLine l = item.line();
            try {
                JobsFile reader = new JobsFile(client, l.defaults().toBatchDefaults(), warn);
                BatchJob read = reader.readLine(l.raw(), l.line(), l.line(), Path.of(l.baseDir()));
                // The item id is the line in the queue's ledger batch: unique across all the files queued.
                BatchJob job = new BatchJob(l.line(), Math.toIntExact(item.id()), read.request(), l.outName());
                jobs.add(job);
                byLine.put(job.line(), item);
            } catch (InvalidRequestException e) {
                String why = l.source() + " " + e.message(SoraException::ref);
                out.put(item, new BatchResult(null, BatchResult.Outcome.FAILED, null, 0, null, null, why));
            }
        }
        if (!jobs.isEmpty()) {
            List<BatchResult> results = new BatchRunner(client, listener)
                    .run(jobs, outDir, options, WorkQueue.batchKey(items.get(0).queue()));
            for (BatchResult r : results) {
                out.put(byLine.get(r.job().line()), r);
            }
        }
        return out;
    }

    private void renewQuietly() {
        try {
            queue.renew(workerId, lease);
        } catch (RuntimeException e) {
            // The next renewal tries again; a lease that runs out is taken over and reconciled.
            warn.accept("could not renew the leases: " + e.getMessage());
        }
    }

    private void pause() {
        try {
            sleeper.sleep(idle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraInterruptedException("Interrupted while waiting for work.", e);
        }
    }
}
