package dev.sora4j.batch;

import dev.sora4j.SoraClient;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.internal.Sha256;
import dev.sora4j.internal.calls.RetryPolicy;
import dev.sora4j.ledger.LedgerEntry;
import dev.sora4j.ledger.Reconciliation;
import dev.sora4j.options.Budget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a jobs file so that a crash, a kill or a rerun never creates a job twice: every create is an
 * intent in the ledger before it is sent; on a rerun a line whose job has an id is tracked, not
 * re-created, and a line whose create got no answer is first looked for on the server
 * ({@link SoraClient#reconcile}). Every create takes the client's one record-then-send road
 * ({@link SoraClient#create(dev.sora4j.model.VideoRequest, dev.sora4j.options.SendOptions)}), which
 * retries transient failures honouring Retry-After and follows the client's rate limit; with
 * {@code wait} / {@code download} every job is tracked to the end and downloaded as soon as it
 * completes. Build the client with SDK retries off, so that {@code maxAttempts} means what it says.
 */
public final class BatchRunner {
    private final SoraClient client;
    private final BatchListener listener;

    /**
     * A runner.
     *
     * @param client sends, records and waits (its clock and sleeper pace the run)
     * @param listener hears progress from the worker threads
     */
    public BatchRunner(SoraClient client, BatchListener listener) {
        this.client = client;
        this.listener = listener;
    }

    /**
     * One key per jobs file and output directory: rerunning the same batch finds its own ledger entries.
     *
     * @param jobsFile the jobs file
     * @param outDir the output directory
     * @return hex sha256 of both absolute paths
     */
    public static String batchKey(Path jobsFile, Path outDir) {
        return Sha256.of(jobsFile.toAbsolutePath().normalize() + "\n"
                + outDir.toAbsolutePath().normalize());
    }

    /**
     * Refuses, before anything is sent, to replace a result file that this batch did not write.
     *
     * @param jobs the batch
     * @param outDir the output directory
     * @param force replace existing files
     * @param knownLines lines whose job an earlier run created (their files are this batch's own)
     * @throws OutputExistsException naming the first file in the way
     */
    public static void checkOutputs(List<BatchJob> jobs, Path outDir, boolean force, Set<Integer> knownLines) {
        ResultFiles.check(jobs, outDir, force, knownLines);
    }

    /**
     * The result file of {@code job}: always a plain name directly inside {@code outDir}.
     *
     * @param outDir the output directory
     * @param job the job
     * @return its result file
     * @throws SoraException when the name would leave the directory
     */
    public static Path resultPath(Path outDir, BatchJob job) {
        return ResultFiles.of(outDir, job);
    }

    /**
     * What this batch's ledger entries say about each line: the latest entry whose request is unchanged.
     *
     * @param jobs the batch
     * @param batchKey the run's key
     * @return entries by jobs-file line
     */
    public Map<Integer, LedgerEntry> recorded(List<BatchJob> jobs, String batchKey) {
        return BatchPlan.recorded(client, jobs, batchKey);
    }

    /**
     * Runs the batch: plan from the ledger, reconcile unanswered creates, send the rest, then (with
     * {@code track}) follow every job to its end and download it.
     *
     * @param jobs the validated jobs
     * @param outDir where result files (and downloads) go
     * @param options concurrency, attempts, budget, tracking and download
     * @param batchKey identifies this run in the ledger (same jobs file and directory, same key)
     * @return one result per job, in the jobs' order
     * @throws OutputExistsException when a result file is in the way (nothing was sent)
     * @throws dev.sora4j.errors.InvalidRequestException when the estimate passes {@code maxCost} (nothing was sent)
     * @throws SoraInterruptedException when interrupted; what was created is in the ledger
     */
    public List<BatchResult> run(List<BatchJob> jobs, Path outDir, BatchOptions options, String batchKey) {
        // All lines pass the guardrails before the first is sent; a refused line stops the whole run.
        JobsFile.requireAllowed(client, jobs);
        BatchPlan plan = BatchPlan.of(client, jobs, batchKey);
        ResultFiles.check(jobs, outDir, options.force(), plan.knownLines());
        plan.checkCost(client, jobs, options.maxCost());
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new SoraException(
                    "Could not create " + SoraException.ref("out_dir") + " " + outDir + ": " + e.getMessage(), e);
        }

        Map<Integer, BatchResult> results = new HashMap<>();
        for (BatchJob job : plan.known) {
            results.put(job.line(), known(job, plan.recorded.get(job.line()).videoId(), false, outDir));
        }
        List<BatchJob> toSend = new ArrayList<>(plan.toSend);
        if (!plan.uncertain.isEmpty()) {
            Reconciliation rec = client.reconcile(plan.uncertain);
            rec.adopted().forEach((seq, videoId) -> {
                BatchJob job = plan.jobBySeq.get(seq);
                results.put(job.line(), known(job, videoId, true, outDir));
            });
            for (Long seq : rec.resend()) {
                toSend.add(plan.jobBySeq.get(seq));
            }
            rec.ambiguous().forEach((seq, candidates) -> {
                BatchJob job = plan.jobBySeq.get(seq);
                String msg = "a create of line " + job.line() + " got no answer, and " + candidates.size()
                        + " matching videos exist on the server (" + String.join(", ", candidates)
                        + "); not sending it again. Check them by id.";
                listener.failed(job, msg);
                results.put(job.line(), new BatchResult(job, BatchResult.Outcome.FAILED, null, 0, null, null, msg));
            });
        }
        Budget budget = options.maxCost() == null ? null : Budget.of(options.maxCost(), plan.alreadySpent());
        results.putAll(new CreateWorkers(client, listener, options, outDir, batchKey, budget).run(toSend));

        List<BatchResult> ordered = new ArrayList<>();
        for (BatchJob job : jobs) {
            ordered.add(results.get(job.line()));
        }
        if (!options.track()) {
            return ordered;
        }
        return new BatchTracker(client, listener, options, outDir).finish(ordered);
    }

    private BatchResult known(BatchJob job, String videoId, boolean adopted, Path outDir) {
        listener.recovered(job, videoId, adopted);
        Path result = ResultFiles.of(outDir, job);
        if (!Files.exists(result)) {
            ResultFiles.writeQuietly(client, listener, result, videoId);
        }
        return new BatchResult(
                job, adopted ? BatchResult.Outcome.ADOPTED : BatchResult.Outcome.KNOWN, videoId, 0, null, null, null);
    }

    /** 2 s, 4 s, 8 s ... capped at a minute, as the reference CLI waits. */
    static Duration backoff(int attempt) {
        return RetryPolicy.backoff(attempt);
    }

    /** One line about a failed request; field references are kept for the front end to render. */
    static String describe(ApiException e) {
        String message = e.message(SoraException::ref);
        return e.status() == 0
                ? message
                : "HTTP " + e.status() + (e.code() == null ? "" : " (" + e.code() + ")") + ": " + message;
    }
}
