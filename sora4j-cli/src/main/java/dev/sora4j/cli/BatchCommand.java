package dev.sora4j.cli;

import picocli.CommandLine.Command;

/** {@code sora batch}: the official Batch API, from the same jobs file as create-batch. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "The official Batch API (half price, results within 24 h, no process has to wait): plan, submit,",
            "status, list, cancel and collect. Reads the same JSONL jobs file as create-batch.",
            "",
            "Examples:",
            "  sora batch plan --input jobs.jsonl --out batch.jsonl",
            "  sora batch submit --input jobs.jsonl --metadata project=teaser",
            "  sora batch status @last --wait",
            "  sora batch collect @last --out-dir out/",
        },
        subcommands = {
            BatchPlanCommand.class,
            BatchSubmitCommand.class,
            BatchStatusCommand.class,
            BatchListCommand.class,
            BatchCancelCommand.class,
            BatchCollectCommand.class,
        })
final class BatchCommand extends CommandGroup {}
