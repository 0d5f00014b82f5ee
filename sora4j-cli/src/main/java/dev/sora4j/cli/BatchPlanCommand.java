package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.batchapi.BatchInput;
import dev.sora4j.batchapi.SoraBatches;
import dev.sora4j.errors.OutputExistsException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.internal.files.AtomicFiles;
import dev.sora4j.rules.PriceTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Validate a jobs file and write the Batch API input file; sends nothing.",
            "Same schema, rules and prompt augmentation as create-batch. Lists the local images that submit",
            "uploads first, and prints the estimate at batch prices and the 24 h window.",
            "",
            "Example:",
            "  sora batch plan --input jobs.jsonl --out batch.jsonl",
        })
final class BatchPlanCommand extends BatchSubcommand {
    @Option(names = "--input", required = true, paramLabel = "JOBS.jsonl", description = "The jobs file.")
    Path input;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the input JSONL (default: print it to stdout).")
    Path out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Option(
            names = "--batch-discount",
            paramLabel = "FRACTION",
            description =
                    "Discount of batch prices on the standard price, 0-1 (default 0.5, or batch-discount in the config).")
    Double discount;

    @Mixin
    VideoOptions video;

    @Mixin
    AugmentOptions augment;

    @Override
    int execute() throws IOException {
        List<BatchJob> jobs = readJobs(input, video, augment);
        if (out != null && Files.exists(out) && !force) {
            throw new OutputExistsException(out);
        }
        SoraClient previewer = context().previewClient(global());
        BatchInput plan = BatchInput.of(previewer, jobs, discount(discount));
        String jsonl = plan.jsonl(Map.of());
        if (out != null) {
            try {
                AtomicFiles.write(out, jsonl.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new SoraException("Could not write --out " + out + ": " + e.getMessage(), e);
            }
            info("Wrote " + out + " (" + plan.lines().size() + " request(s)).");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("requests", plan.lines().size());
        summary.put("endpoint", BatchInput.URL);
        summary.put("completion_window", SoraBatches.WINDOW_24H);
        summary.put(
                "uploads_first",
                plan.uploads().stream()
                        .map(l -> Map.of(
                                "line",
                                l.job().line(),
                                "custom_id",
                                l.customId(),
                                "image",
                                l.localImage().toString()))
                        .toList());
        summary.put("estimated_cost_usd_standard", plan.standardUsd());
        summary.put("batch_discount", plan.discount());
        summary.put("estimated_cost_usd_batch", plan.batchUsd());
        if (out == null) {
            out().print(jsonl);
            out().flush();
            info(Json.pretty(summary));
        } else {
            printValue(summary);
        }
        info(String.format(
                Locale.ROOT,
                "%d request(s), estimated $%.2f at batch prices ($%.2f standard, discount %.0f%%; %s)%s. Results within"
                        + " 24 h of submitting; download each video within 24 h after the batch completes.",
                plan.lines().size(),
                plan.batchUsd(),
                plan.standardUsd(),
                plan.discount() * 100,
                PriceTable.SOURCE,
                plan.unpriced() > 0 ? "; " + plan.unpriced() + " job(s) have no known price" : ""));
        if (!plan.uploads().isEmpty()) {
            info(plan.uploads().size() + " local image(s) are uploaded (Files API, purpose "
                    + SoraBatches.IMAGE_PURPOSE + ") by `sora batch submit` and referenced by file_id; the "
                    + BatchInput.PENDING_UPLOAD + "PATH placeholders above stand for them.");
        }
        return ExitCodes.OK;
    }
}
