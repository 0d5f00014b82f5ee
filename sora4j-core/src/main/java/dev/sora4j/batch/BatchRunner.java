package dev.sora4j.batch;

import dev.sora4j.ApiException;
import dev.sora4j.InvalidRequestException;
import dev.sora4j.OutputExistsException;
import dev.sora4j.SoraClient;
import dev.sora4j.SoraException;
import dev.sora4j.ledger.Ledger;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.SentStatus;
import dev.sora4j.model.VideoJob;
import dev.sora4j.pipeline.AtomicFiles;
import dev.sora4j.pipeline.RateGate;
import dev.sora4j.pipeline.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Runs a jobs file so that a crash, a kill or a rerun never creates a job twice: every create is an
 * intent in the ledger before it is sent; on a rerun a line whose job has an id is tracked, not
 * re-created, and a line whose create got no answer is first looked for on the server
 * ({@link Reconciler}). Creates share one {@link RateGate}, transient failures are retried honouring
 * Retry-After, and with {@code wait} / {@code download} every job is tracked to the end and
 * downloaded as soon as it completes ({@link BatchTracker}). Build the client with SDK retries off, so
 * that {@code maxAttempts} means what it says.
 */
public final class BatchRunner {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final SoraClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final BatchListener listener;
    private final RateGate gate;

    public BatchRunner(SoraClient client, Clock clock, Sleeper sleeper, BatchListener listener, RateGate gate) {
        this.client = client;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.gate = gate;
    }

    /** Refuses, before anything is sent, to replace a result file that this batch did not write. */
    public static void checkOutputs(List<BatchJob> jobs, Path outDir, boolean force, Set<Integer> knownLines) {
        if (force) {
            return;
        }
        for (BatchJob job : jobs) {
            Path target = resultPath(outDir, job);
            if (Files.exists(target) && !knownLines.contains(job.line())) {
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

    /** What this batch's ledger entries say about each line: the latest entry whose request is unchanged. */
    public Map<Integer, LedgerEntry> recorded(List<BatchJob> jobs, String batchKey) {
        Map<Integer, String> hashes = new HashMap<>();
        for (BatchJob job : jobs) {
            hashes.put(job.line(), client.requestHash(job.request()));
        }
        Map<Integer, LedgerEntry> out = new HashMap<>();
        for (LedgerEntry e : client.ledger().batch(batchKey)) {
            if (e.requestHash().equals(hashes.get(e.batchLine())) && !SentStatus.createdNothing(e.status())) {
                LedgerEntry prev = out.get(e.batchLine());
                // Prefer an entry with an id; among equals, the newest.
                if (prev == null || (e.hasVideo() || !prev.hasVideo())) {
                    out.put(e.batchLine(), e);
                }
            }
        }
        return out;
    }

    public List<BatchResult> run(List<BatchJob> jobs, Path outDir, BatchOptions options, String batchKey) {
        Ledger ledger = client.ledger();
        Map<Integer, LedgerEntry> recorded = recorded(jobs, batchKey);
        Set<Integer> knownLines = new HashSet<>();
        recorded.forEach((line, e) -> {
            if (e.hasVideo()) {
                knownLines.add(line);
            }
        });
        checkOutputs(jobs, outDir, options.force(), knownLines);
        checkCost(jobs, recorded, options);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new SoraException("Could not create --out-dir " + outDir + ": " + e.getMessage(), e);
        }

        Map<Integer, BatchResult> results = Collections.synchronizedMap(new HashMap<>());
        List<BatchJob> toSend = new ArrayList<>();
        List<LedgerEntry> uncertain = new ArrayList<>();
        Map<Long, BatchJob> jobBySeq = new HashMap<>();
        Set<String> knownIds = ledger.knownIds();
        for (BatchJob job : jobs) {
            LedgerEntry e = recorded.get(job.line());
            if (e != null && e.hasVideo()) {
                results.put(job.line(), known(job, e.videoId(), false, outDir));
            } else if (e != null) {
                uncertain.add(e);
                jobBySeq.put(e.seq(), job);
            } else {
                toSend.add(job);
            }
        }
        Reconciler.Result rec = new Reconciler(client).reconcile(uncertain, knownIds);
        rec.adopted().forEach((seq, videoId) -> {
            ledger.adopt(seq, videoId, "adopted");
            results.put(jobBySeq.get(seq).line(), known(jobBySeq.get(seq), videoId, true, outDir));
        });
        for (Long seq : rec.resend()) {
            ledger.refused(seq, "no job found on the server for this unanswered create; sending it again");
            toSend.add(jobBySeq.get(seq));
        }
        rec.ambiguous().forEach((seq, candidates) -> {
            BatchJob job = jobBySeq.get(seq);
            String msg = "a create of line " + job.line() + " got no answer, and " + candidates.size()
                    + " matching videos exist on the server (" + String.join(", ", candidates)
                    + "); not sending it again. "
                    + "Check them with `sora status --id ...`.";
            listener.failed(job, msg);
            results.put(job.line(), new BatchResult(job, BatchResult.Outcome.FAILED, null, 0, null, null, msg));
        });

        create(toSend, outDir, options, batchKey, recorded, results);

        List<BatchResult> ordered = new ArrayList<>();
        for (BatchJob job : jobs) {
            ordered.add(results.get(job.line()));
        }
        if (!options.track()) {
            return ordered;
        }
        return new BatchTracker(client, clock, sleeper, listener, options, outDir).finish(ordered);
    }

    private void checkCost(List<BatchJob> jobs, Map<Integer, LedgerEntry> recorded, BatchOptions options) {
        if (options.maxCost() == null) {
            return;
        }
        double total = 0;
        for (BatchJob job : jobs) {
            LedgerEntry e = recorded.get(job.line());
            Double cost = e != null
                    ? e.estimatedCost()
                    : client.estimate(job.request()).orElse(null);
            total += cost == null ? 0 : cost;
        }
        if (total > options.maxCost() + 1e-9) {
            throw new InvalidRequestException(
                    "max_cost",
                    String.format(
                            java.util.Locale.ROOT,
                            "--max-cost %.2f: this batch is estimated at $%.2f (%d jobs); nothing was sent. Raise --max-cost or "
                                    + "trim the jobs file.",
                            options.maxCost(),
                            total,
                            jobs.size()));
        }
    }

    private BatchResult known(BatchJob job, String videoId, boolean adopted, Path outDir) {
        listener.recovered(job, videoId, adopted);
        Path result = resultPath(outDir, job);
        if (!Files.exists(result)) {
            writeResultQuietly(result, videoId);
        }
        return new BatchResult(
                job, adopted ? BatchResult.Outcome.ADOPTED : BatchResult.Outcome.KNOWN, videoId, 0, null, null, null);
    }

    private void create(
            List<BatchJob> toSend,
            Path outDir,
            BatchOptions options,
            String batchKey,
            Map<Integer, LedgerEntry> recorded,
            Map<Integer, BatchResult> results) {
        if (toSend.isEmpty()) {
            return;
        }
        DoubleAdder spent = new DoubleAdder();
        recorded.values().forEach(e -> spent.add(e.estimatedCost() == null ? 0 : e.estimatedCost()));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "sora4j-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BatchResult>> futures = new ArrayList<>();
            for (BatchJob job : toSend) {
                futures.add(pool.submit(() -> createOne(job, outDir, options, batchKey, stop, spent)));
            }
            for (Future<BatchResult> f : futures) {
                BatchResult r = f.get();
                results.put(r.job().line(), r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SoraException(
                    "Interrupted; jobs already created are in the ledger (`sora resume` continues).", e);
        } catch (ExecutionException e) {
            throw new SoraException("A batch worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private BatchResult createOne(
            BatchJob job, Path outDir, BatchOptions options, String batchKey, AtomicBoolean stop, DoubleAdder spent)
            throws InterruptedException {
        if (stop.get()) {
            return skipped(job, "skipped after an earlier failure (--fail-fast)");
        }
        double cost = client.estimate(job.request()).orElse(0.0);
        if (options.maxCost() != null) {
            synchronized (spent) {
                if (spent.sum() + cost > options.maxCost() + 1e-9) {
                    return skipped(
                            job,
                            String.format(
                                    java.util.Locale.ROOT,
                                    "not sent: --max-cost %.2f would be exceeded",
                                    options.maxCost()));
                }
                spent.add(cost);
            }
        }
        listener.started(job);
        int attempt = 0;
        while (true) {
            attempt++;
            gate.acquire();
            try {
                VideoJob created = client.create(job.request(), batchKey, job.line());
                Path result = resultPath(outDir, job);
                writeResult(result, created);
                listener.created(job, created.id(), result);
                return new BatchResult(job, BatchResult.Outcome.CREATED, created.id(), attempt, null, null, null);
            } catch (ApiException e) {
                if (e.status() == 429) {
                    gate.pause(e.retryAfter().orElse(backoff(attempt)));
                }
                if (e.status() == 0 || e.status() >= 500) {
                    // The create may have happened even though no answer came back: look before sending again.
                    String found = adoptIfCreated(job, batchKey);
                    if (found != null) {
                        listener.recovered(job, found, true);
                        writeResultQuietly(resultPath(outDir, job), found);
                        return new BatchResult(job, BatchResult.Outcome.ADOPTED, found, attempt, null, null, null);
                    }
                }
                if (e.isTransient() && attempt < options.maxAttempts()) {
                    Duration wait = e.retryAfter().orElse(backoff(attempt));
                    listener.retrying(job, attempt, options.maxAttempts(), wait, e);
                    sleeper.sleep(wait);
                    continue;
                }
                return failed(job, attempt, describe(e), options, stop);
            } catch (IOException e) {
                return failed(
                        job, attempt, "created, but its result could not be written: " + e.getMessage(), options, stop);
            } catch (RuntimeException e) {
                // Anything unforeseen fails this job only; its intent stays in the ledger for the next run.
                return failed(job, attempt, e.getMessage(), options, stop);
            }
        }
    }

    /** After a lost answer: the server's job for this line's unanswered intent, adopted into the ledger, or null. */
    private String adoptIfCreated(BatchJob job, String batchKey) {
        String hash = client.requestHash(job.request());
        List<LedgerEntry> open = client.ledger().batch(batchKey).stream()
                .filter(e -> e.batchLine() == job.line()
                        && e.requestHash().equals(hash)
                        && !e.hasVideo()
                        && e.status().equals("unknown"))
                .toList();
        if (open.isEmpty()) {
            return null;
        }
        Reconciler.Result rec =
                new Reconciler(client).reconcile(open, client.ledger().knownIds());
        String adopted = null;
        for (Map.Entry<Long, String> a : rec.adopted().entrySet()) {
            client.ledger().adopt(a.getKey(), a.getValue(), "adopted");
            adopted = a.getValue();
        }
        for (Long seq : rec.resend()) {
            client.ledger().refused(seq, "no job found on the server for this unanswered create; sending it again");
        }
        return adopted;
    }

    private void writeResultQuietly(Path result, String videoId) {
        try {
            writeResult(result, client.retrieve(videoId));
        } catch (IOException | ApiException e) {
            listener.warning("could not write " + result + ": " + e.getMessage());
        }
    }

    private static void writeResult(Path result, VideoJob job) throws IOException {
        AtomicFiles.write(result, (job.json() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static BatchResult skipped(BatchJob job, String why) {
        return new BatchResult(job, BatchResult.Outcome.SKIPPED, null, 0, null, null, why);
    }

    private BatchResult failed(BatchJob job, int attempts, String error, BatchOptions options, AtomicBoolean stop) {
        if (options.failFast()) {
            stop.set(true);
        }
        listener.failed(job, error);
        return new BatchResult(job, BatchResult.Outcome.FAILED, null, attempts, null, null, error);
    }

    /** 2 s, 4 s, 8 s ... capped at a minute, as the reference CLI waits. */
    static Duration backoff(int attempt) {
        long seconds = 1L << Math.min(attempt, 6);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    static String describe(ApiException e) {
        return e.status() == 0
                ? e.getMessage()
                : "HTTP " + e.status() + (e.code() == null ? "" : " (" + e.code() + ")") + ": " + e.getMessage();
    }
}
