package dev.sora4j.cli;

import dev.sora4j.RequestPreview;
import dev.sora4j.SoraClient;
import dev.sora4j.batch.BatchJob;
import dev.sora4j.batch.JobsFile;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.queue.LineDefaults;
import dev.sora4j.queue.QueueLine;
import dev.sora4j.queue.WorkQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sora queue add}: validates a jobs file as create-batch does and enqueues every line. */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Validate every line of a jobs file (rules, guardrails, cost) exactly as create-batch does, then add",
            "them all to a queue on the PostgreSQL ledger; nothing is added when any line is bad.",
            "",
            "Example:",
            "  sora queue add --input jobs.jsonl --queue teaser --max-cost 40",
        })
final class QueueAddCommand extends QueueSubcommand {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The JSONL jobs file.")
    Path input;

    @Mixin
    QueueOption queueOption;

    @Option(
            names = "--max-cost",
            paramLabel = "USD",
            description = "The queue's budget for all workers together: lines past it are skipped, not sent.")
    Double maxCost;

    @Option(names = "--model", paramLabel = "MODEL", description = "The model for lines that name none.")
    String model;

    @Option(names = "--size", paramLabel = "WxH", description = "The size for lines that name none.")
    String size;

    @Option(names = "--seconds", paramLabel = "N", description = "The clip length for lines that name none.")
    String seconds;

    @Option(names = "--no-augment", description = "Send prompts as written, without the structured template.")
    boolean noAugment;

    @Override
    int execute() throws IOException {
        if (maxCost != null && !(maxCost >= 0)) {
            throw new InvalidRequestException(
                    "max_cost", "--max-cost must be a positive amount of USD, got " + maxCost);
        }
        LineDefaults defaults = new LineDefaults(
                VideoOptions.lower(model),
                VideoOptions.lower(size),
                seconds == null ? null : seconds.strip(),
                !noAugment);
        List<BatchJob> jobs;
        List<QueueLine> lines = new ArrayList<>();
        double total = 0;
        try (SoraClient validator = previewClient()) {
            jobs = new JobsFile(validator, defaults.toBatchDefaults(), this::warn).read(input);
            List<String> raw = Files.readAllLines(input, StandardCharsets.UTF_8);
            String baseDir = input.toAbsolutePath().getParent().toString();
            for (BatchJob job : jobs) {
                RequestPreview preview = validator.preview(job.request());
                double cost = preview.estimatedCostUsd() == null ? 0 : preview.estimatedCostUsd();
                total += cost;
                lines.add(new QueueLine(
                        input.getFileName().toString(),
                        job.line(),
                        raw.get(job.line() - 1).strip(),
                        baseDir,
                        job.outName(),
                        cost,
                        defaults));
            }
        }
        if (maxCost != null && total > maxCost + 1e-9) {
            throw new InvalidRequestException(
                    "max_cost",
                    String.format(
                            Locale.ROOT,
                            "%s is estimated at $%.2f, more than --max-cost %.2f; raise the budget or queue fewer lines."
                                    + " Nothing was added.",
                            input,
                            total,
                            maxCost));
        }
        try (WorkQueue q = queue()) {
            int added = q.add(
                    queueOption.name, maxCost, lines, context().ledger(global()).user());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("queue", queueOption.name);
            out.put("added", added);
            out.put("estimated_cost", Math.round(total * 100) / 100.0);
            printValue(out);
            info(String.format(
                    Locale.ROOT,
                    "Queued %d line(s) of %s in '%s', estimated $%.2f; start workers with `sora worker --queue %s`.",
                    added,
                    input,
                    queueOption.name,
                    total,
                    queueOption.name));
        }
        return ExitCodes.OK;
    }
}
