package dev.sora4j.cli;

import dev.sora4j.ApiException;
import dev.sora4j.batch.BatchDefaults;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.batch.BatchListener;
import dev.sora4j.batch.BatchOptions;
import dev.sora4j.batch.BatchResult;
import dev.sora4j.batch.BatchRunner;
import dev.sora4j.batch.JobsFile;
import dev.sora4j.client.WireRequests;
import dev.sora4j.rules.VideoRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create-batch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = {
        "Create many jobs from a JSONL file, locally and concurrently (not the Batch API).",
        "Each line is a prompt string or an object with \"prompt\" and optional model, size, seconds,",
        "characters, input_reference, out, fields and the augmentation keys; create's flags are defaults.",
        "Every line is validated before anything is sent. Each create response goes to",
        "OUT_DIR/NNN-<prompt-slug>.json (or OUT_DIR/<out>). Exit 1 if any job failed.", "",
        "Example:", "  sora create-batch --input jobs.jsonl --out-dir out/ --concurrency 3 --seconds 8"})
final class CreateBatchCommand extends BaseCommand {
    @Option(names = "--input", required = true, paramLabel = "JOBS.jsonl", description = "The jobs file (at most 200 jobs).")
    Path input;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Where each job's create response is written.")
    Path outDir;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "3", description = "Jobs in flight at once, 1-10 (default 3).")
    int concurrency;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "3",
            description = "Tries per job on 429, 5xx, timeouts and resets, 1-10 (default 3); waits as Retry-After says, else 2, 4, 8 s...")
    int maxAttempts;

    @Option(names = "--fail-fast", description = "Start no new job after the first failure.")
    boolean failFast;

    @Option(names = "--force", description = "Replace result files that already exist in --out-dir.")
    boolean force;

    @Mixin
    VideoOptions video;

    @Mixin
    AugmentOptions augment;

    @Mixin
    DryRunOption dryRun;

    @Override
    int execute() {
        BatchOptions options = new BatchOptions(concurrency, maxAttempts, failFast, force);
        BatchDefaults defaults = new BatchDefaults(VideoOptions.lower(video.model), VideoOptions.lower(video.size),
                video.seconds == null ? null : video.seconds.strip(), video.characterIds(), video.inputReference(),
                augment.fields(), augment.augment);
        List<BatchJob> jobs = new JobsFile(VideoRules.of(context().profile(global())), defaults, this::warn).read(input);
        if (dryRun.enabled) {
            noteKeyForDryRun();
            List<Object> previews = new ArrayList<>();
            for (BatchJob job : jobs) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("job", job.number());
                p.put("line", job.line());
                p.put("output", BatchRunner.resultPath(outDir, job).toString());
                p.putAll(WireRequests.create(job.request()).preview());
                previews.add(p);
            }
            printValue(previews);
            return ExitCodes.OK;
        }
        BatchRunner.checkOutputs(jobs, outDir, force);
        info("Creating " + jobs.size() + " job(s), " + concurrency + " at a time; results go to " + outDir);
        BatchRunner runner = new BatchRunner(context().client(global(), 0), context().sleeper(), new Progress(jobs.size()));
        List<BatchResult> results = runner.run(jobs, outDir, options);
        printValue(summary(results));
        long failed = results.stream().filter(r -> r.outcome() != BatchResult.Outcome.CREATED).count();
        if (failed > 0) {
            info(failed + " of " + results.size() + " job(s) were not created; see \"results\" above.");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private Map<String, Object> summary(List<BatchResult> results) {
        List<Object> rows = new ArrayList<>();
        int created = 0;
        for (BatchResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("job", r.job().number());
            row.put("line", r.job().line());
            row.put("status", r.outcome().name().toLowerCase(Locale.ROOT));
            row.put("id", r.videoId());
            row.put("output", r.outcome() == BatchResult.Outcome.CREATED
                    ? BatchRunner.resultPath(outDir, r.job()).toString() : null);
            row.put("attempts", r.attempts());
            row.put("error", r.error());
            rows.add(row);
            created += r.outcome() == BatchResult.Outcome.CREATED ? 1 : 0;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jobs", results.size());
        out.put("created", created);
        out.put("failed", results.size() - created);
        out.put("results", rows);
        return out;
    }

    /** One stderr line per event, prefixed like the reference CLI's "[job i/n]". */
    private final class Progress implements BatchListener {
        private final int total;

        Progress(int total) {
            this.total = total;
        }

        private String label(BatchJob job) {
            return "[job " + job.number() + "/" + total + "]";
        }

        @Override
        public synchronized void retrying(BatchJob job, int attempt, int max, Duration wait, ApiException cause) {
            info(label(job) + " attempt " + attempt + "/" + max + " failed (HTTP " + cause.status() + "); retrying in "
                    + String.format(Locale.ROOT, "%.1f", wait.toMillis() / 1000.0) + "s");
        }

        @Override
        public synchronized void created(BatchJob job, String videoId, Path result) {
            info(label(job) + " created " + videoId + " -> " + result);
        }

        @Override
        public synchronized void failed(BatchJob job, String error) {
            info(label(job) + " failed: " + error);
        }
    }
}
