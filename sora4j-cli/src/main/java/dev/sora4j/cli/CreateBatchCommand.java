package dev.sora4j.cli;

import dev.sora4j.RequestPreview;
import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchDefaults;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.batch.BatchOptions;
import dev.sora4j.batch.BatchResult;
import dev.sora4j.batch.BatchRunner;
import dev.sora4j.batch.JobsFile;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.internal.files.BatchClaim;
import dev.sora4j.ledger.PostgresLedger;
import dev.sora4j.preflight.OutputTargets;
import dev.sora4j.rules.PriceTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "create-batch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Create many jobs from a JSONL file, locally and concurrently (not the Batch API).",
            "Each line is a prompt string or an object with \"prompt\" and optional model, size, seconds,",
            "characters, input_reference, out, fields and the augmentation keys; create's flags are defaults.",
            "Every line is validated before anything is sent. Each create response goes to",
            "OUT_DIR/NNN-<prompt-slug>.json (or OUT_DIR/<out>). Exit 1 if any job failed.",
            "Every create is in the job ledger before it is sent: run the same command again after a crash",
            "(or `sora resume`) and created jobs are tracked, not created twice.",
            "",
            "Examples:",
            "  sora create-batch --input jobs.jsonl --out-dir out/ --concurrency 3 --seconds 8",
            "  sora create-batch --input jobs.jsonl --out-dir out/ --wait --download --max-cost 25"
        })
final class CreateBatchCommand extends BaseCommand {
    @Option(
            names = "--input",
            required = true,
            paramLabel = "JOBS.jsonl",
            description = "The jobs file (at most 200 jobs).")
    Path input;

    @Option(
            names = "--out-dir",
            required = true,
            paramLabel = "DIR",
            description = "Where each job's create response is written.")
    Path outDir;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "3",
            description = "Jobs in flight at once, 1-10 (default 3).")
    int concurrency;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            defaultValue = "3",
            description =
                    "Tries per job on 429, 5xx, timeouts and resets, 1-10 (default 3); waits as Retry-After says, else 2, 4, 8 s...")
    int maxAttempts;

    @Option(names = "--fail-fast", description = "Start no new job after the first failure.")
    boolean failFast;

    @Option(names = "--force", description = "Replace result files that already exist in --out-dir.")
    boolean force;

    @Option(
            names = "--wait",
            description = "Track every job to a final status (few requests: one list call per 100 jobs).")
    boolean track;

    @Option(
            names = "--download",
            description = "Download each job as soon as it completes, to OUT_DIR/NNN-<slug>.mp4 (implies --wait).")
    boolean download;

    @Option(
            names = "--variant",
            paramLabel = "VARIANT",
            defaultValue = "video",
            description = "What --download fetches: video (default), thumbnail or spritesheet.")
    String variant;

    @Option(
            names = "--max-cost",
            paramLabel = "USD",
            description = "Refuse to start, or to go on, when the estimated total would pass this.")
    Double maxCost;

    @Option(
            names = "--rpm",
            paramLabel = "N",
            defaultValue = "50",
            description =
                    "Starting request rate shared by all workers; it follows the server's x-ratelimit-* headers and 429s (default 50).")
    double rpm;

    @Option(
            names = "--poll-interval",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Shortest wait between tracking rounds; grows to 4x while nothing changes (default 5).")
    double pollInterval;

    @Mixin
    VideoOptions video;

    @Mixin
    AugmentOptions augment;

    @Mixin
    DryRunOption dryRun;

    @Override
    int execute() {
        BatchOptions options = new BatchOptions(
                concurrency,
                maxAttempts,
                failFast,
                force,
                track,
                download ? TargetOptions.parse(variant) : null,
                maxCost,
                rpm,
                Duration.ofMillis(Math.round(pollInterval * 1000)));
        BatchDefaults defaults = new BatchDefaults(
                VideoOptions.lower(video.model),
                VideoOptions.lower(video.size),
                video.seconds == null ? null : video.seconds.strip(),
                video.characterIds(),
                video.inputReference(),
                augment.fields(),
                augment.augment);
        if (!download && given("--variant")) {
            warn("--variant has no effect without --download; add --download to save the results.");
        }
        OutputTargets.checkDirectory("--out-dir", outDir);
        if (!video.extras.isEmpty()) {
            throw new InvalidRequestException(
                    "extra",
                    "--extra is not read by create-batch; put the fields in each line instead, e.g."
                            + " {\"prompt\": \"...\", \"extra\": {\"seed\": 42}}");
        }
        List<BatchJob> jobs;
        // Each line is validated as the configured provider receives it (its defaults, limits and extras).
        try (SoraClient validator = previewClient()) {
            jobs = new JobsFile(validator, defaults, this::warn).read(input);
        }
        jobs = ReferenceFits.fitted(jobs, video, context().settings().home());
        if (dryRun.enabled) {
            noteKeyForDryRun();
            SoraClient previewer = previewClient();
            List<Object> previews = new ArrayList<>();
            double total = 0;
            for (BatchJob job : jobs) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("job", job.number());
                p.put("line", job.line());
                p.put("output", BatchRunner.resultPath(outDir, job).toString());
                RequestPreview preview = previewer.preview(job.request());
                p.putAll(preview.toMap());
                total += preview.estimatedCostUsd() == null ? 0 : preview.estimatedCostUsd();
                previews.add(p);
            }
            printValue(previews);
            info(String.format(
                    Locale.ROOT, "%d job(s), estimated $%.2f in total (%s).", jobs.size(), total, PriceTable.SOURCE));
            return verdictCode(JobsFile.check(previewer, jobs));
        }
        // Every line passes the guardrails before any of them is sent (a library run checks again in the runner).
        JobsFile.requireAllowed(previewClient(), jobs);
        // Claimed before the ledger is read: a second run on this --out-dir refuses before it could send anything.
        BatchClaim claim = BatchClaim.acquire(
                context().settings().home().resolve("claims"),
                input,
                outDir,
                context().clock());
        try {
            return run(jobs, options);
        } finally {
            claim.close();
        }
    }

    private int run(List<BatchJob> jobs, BatchOptions options) {
        String batchKey = BatchRunner.batchKey(input, outDir);
        // No SDK retries (the runner retries each create), one rate limit shared by every worker.
        SoraClient client = context().client(global(), 0, rpm);
        client.ledger().runStarted(batchKey, Json.pretty(Map.of("args", originalArgs())));
        info("Creating " + jobs.size() + " job(s), " + concurrency + " at a time; results go to " + outDir
                + (options.track() ? "; tracking them to the end" : ""));
        BatchProgress progress = new BatchProgress(err(), context().interactive(), jobs.size());
        BatchRunner runner = new BatchRunner(client, progress);
        List<BatchResult> results;
        try {
            results = runner.run(jobs, outDir, options, batchKey);
        } finally {
            progress.close();
            // A run that never sent anything (a --max-cost refusal, an --out-dir that is a file) has nothing
            // to resume: forget it, so `sora resume` does not replay the same refusal forever.
            if (client.ledger().batch(batchKey).isEmpty()) {
                client.ledger().forgetRun(batchKey);
            }
        }
        printValue(summary(results));
        long failed = results.stream().filter(r -> !r.ok()).count();
        if (failed > 0) {
            info(failed + " of " + results.size()
                    + " job(s) did not finish; see \"results\" above. Fix and rerun the same "
                    + "command (or `sora resume`): finished jobs are not sent again.");
            return ExitCodes.FAILURE;
        }
        client.ledger().runFinished(batchKey);
        return ExitCodes.OK;
    }

    /** The command line as given, with paths made absolute, so `sora resume` can run it from anywhere. */
    private List<String> originalArgs() {
        List<String> raw = spec.root().commandLine().getParseResult().originalArgs();
        List<String> out = new ArrayList<>();
        Set<String> pathOptions = Set.of("--input", "--out-dir", "--input-reference", "--ledger");
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            int eq = a.indexOf('=');
            if (eq > 0 && pathOptions.contains(a.substring(0, eq))) {
                out.add(a.substring(0, eq + 1) + absolute(a.substring(eq + 1)));
            } else if (pathOptions.contains(a) && i + 1 < raw.size()) {
                out.add(a);
                out.add(absolute(raw.get(++i)));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** A path made absolute; a PostgreSQL ledger URL stays as it is. */
    private static String absolute(String value) {
        return PostgresLedger.isUrl(value)
                ? value
                : Path.of(value).toAbsolutePath().normalize().toString();
    }

    @Spec
    CommandSpec spec;

    private Map<String, Object> summary(List<BatchResult> results) {
        List<Object> rows = new ArrayList<>();
        int created = 0;
        int known = 0;
        int bad = 0;
        for (BatchResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("job", r.job().number());
            row.put("line", r.job().line());
            row.put("status", r.outcome().name().toLowerCase(Locale.ROOT));
            row.put("id", r.videoId());
            row.put(
                    "output",
                    r.videoId() != null
                            ? BatchRunner.resultPath(outDir, r.job()).toString()
                            : null);
            row.put("attempts", r.attempts());
            row.put("final_status", r.finalStatus());
            row.put("download", r.download() == null ? null : r.download().toString());
            row.put("error", r.error(FlagNames::flag));
            rows.add(row);
            created += r.outcome() == BatchResult.Outcome.CREATED ? 1 : 0;
            known += r.outcome() == BatchResult.Outcome.KNOWN || r.outcome() == BatchResult.Outcome.ADOPTED ? 1 : 0;
            bad += r.ok() ? 0 : 1;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobs", results.size());
        out.put("created", created);
        out.put("already_created", known);
        out.put("failed", bad);
        out.put("results", rows);
        return out;
    }
}
