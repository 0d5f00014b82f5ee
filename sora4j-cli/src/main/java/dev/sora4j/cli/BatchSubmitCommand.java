package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.batchapi.BatchApiStore;
import dev.sora4j.batchapi.SoraBatches;
import dev.sora4j.batchapi.SubmitResult;
import dev.sora4j.errors.InvalidRequestException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Upload local images and the input file, then create the batch (endpoint /v1/videos).",
            "Every call is recorded before and after it is sent (batches.db beside the ledger): after a crash,",
            "run the same command again; nothing is uploaded or created twice.",
            "",
            "Example:",
            "  sora batch submit --input jobs.jsonl --metadata project=teaser",
        })
final class BatchSubmitCommand extends BatchSubcommand {
    @Option(names = "--input", required = true, paramLabel = "JOBS.jsonl", description = "The jobs file.")
    Path input;

    @Option(
            names = "--completion-window",
            paramLabel = "WINDOW",
            defaultValue = "24h",
            description = "The batch's completion window; the API accepts only 24h (default).")
    String window;

    @Option(
            names = "--metadata",
            paramLabel = "KEY=VALUE",
            description = "Metadata for the batch (repeatable, at most 15 keys).")
    List<String> metadata = new java.util.ArrayList<>();

    @Option(
            names = "--batch-discount",
            paramLabel = "FRACTION",
            description = "Discount of batch prices for the estimate, 0-1 (default 0.5).")
    Double discount;

    @Mixin
    VideoOptions video;

    @Mixin
    AugmentOptions augment;

    @Override
    int execute() {
        Map<String, String> meta = new LinkedHashMap<>();
        for (String kv : metadata) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw InvalidRequestException.of("metadata", " '" + kv + "' must be KEY=VALUE");
            }
            meta.put(kv.substring(0, eq).strip(), kv.substring(eq + 1));
        }
        List<BatchJob> jobs = readJobs(input, video, augment);
        SoraBatches.SubmitOptions options = new SoraBatches.SubmitOptions(window.strip(), meta, discount(discount));
        SoraClient client = client();
        try (BatchApiStore store = openStore()) {
            SubmitResult r = SoraBatches.of(client, store).submit(input, jobs, options, this::info);
            Map<String, Object> out = new LinkedHashMap<>(summary(r.batch()));
            out.put("submission", r.key());
            out.put("resumed", r.resumed());
            out.put("image_file_ids", r.imageFileIds());
            out.put("estimated_cost_usd", r.estimatedCostUsd());
            printValue(out);
            info("Check it with `sora batch status " + r.batch().id() + " --wait`; then `sora batch collect "
                    + r.batch().id() + " --out-dir DIR`.");
        }
        return ExitCodes.OK;
    }
}
