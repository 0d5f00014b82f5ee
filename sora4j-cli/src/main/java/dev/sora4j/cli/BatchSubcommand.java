package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchDefaults;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.batch.JobsFile;
import dev.sora4j.batchapi.BatchApiStore;
import dev.sora4j.batchapi.SoraBatches;
import dev.sora4j.config.Settings;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.rules.VideoRules;
import dev.sora4j.spi.BatchInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every {@code sora batch ...} subcommand shares: the parent's context, the store, output helpers. */
abstract class BatchSubcommand extends GroupSubcommand {
    PrintWriter out() {
        return context().out();
    }

    SoraClient client() {
        return context().client(global());
    }

    /** The Batch API store: {@code batches.db} beside the job ledger (in the home for a database ledger). */
    BatchApiStore openStore() {
        context().ledger(global());
        return BatchApiStore.open(
                context().ledgerDir(global()).resolve("batches.db"), context().clock());
    }

    /** The jobs file read with create-batch's schema, rules and prompt augmentation. */
    List<BatchJob> readJobs(Path input, VideoOptions video, AugmentOptions augment) {
        BatchDefaults defaults = new BatchDefaults(
                VideoOptions.lower(video.model),
                VideoOptions.lower(video.size),
                video.seconds == null ? null : video.seconds.strip(),
                video.characterIds(),
                video.inputReference(),
                augment.fields(),
                augment.augment);
        List<BatchJob> jobs = ReferenceFits.fitted(
                new JobsFile(VideoRules.of(context().profile(global())), defaults, this::warn).read(input),
                video,
                context().settings().home());
        // Every line passes the guardrails before any of them is uploaded or sent.
        JobsFile.requireAllowed(context().previewClient(global()), jobs);
        return jobs;
    }

    /** --batch-discount, else batch-discount in the config (or SORA4J_BATCH_DISCOUNT), else half price. */
    double discount(Double flag) {
        if (flag != null) {
            return flag;
        }
        String raw = context().settings().get(Settings.Key.BATCH_DISCOUNT).orElse(null);
        if (raw == null) {
            return SoraBatches.SubmitOptions.DEFAULT_DISCOUNT;
        }
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of(
                    "batch_discount", " '" + raw + "' (config batch-discount) is not a number; use e.g. 0.5");
        }
    }

    static Map<String, Object> summary(BatchInfo b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", b.id());
        out.put("status", b.status());
        out.put("request_counts", Map.of("total", b.total(), "completed", b.completed(), "failed", b.failed()));
        out.put("input_file_id", b.inputFileId());
        out.put("output_file_id", b.outputFileId());
        out.put("error_file_id", b.errorFileId());
        out.put("created_at", b.createdAt());
        out.put("completed_at", b.completedAt());
        out.put("metadata", b.metadata());
        if (!b.errors().isEmpty()) {
            out.put("errors", b.errors());
        }
        return out;
    }
}
