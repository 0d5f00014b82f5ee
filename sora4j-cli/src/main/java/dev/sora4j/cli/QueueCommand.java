package dev.sora4j.cli;

import picocli.CommandLine.Command;

/** {@code sora queue}: a team's work queue on the shared PostgreSQL ledger. */
@Command(
        name = "queue",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "A work queue shared by many machines, on a PostgreSQL ledger (--ledger jdbc:postgresql://HOST/DB):",
            "add jobs-file lines, watch progress and spend across all workers, cancel. `sora worker` runs them.",
            "",
            "Examples:",
            "  sora queue add --input jobs.jsonl --queue teaser --max-cost 40",
            "  sora queue status --queue teaser",
            "  sora queue cancel --queue teaser",
        },
        subcommands = {QueueAddCommand.class, QueueStatusCommand.class, QueueCancelCommand.class})
final class QueueCommand extends CommandGroup {
    /** The queue a command works on unless --queue says otherwise. */
    static final String DEFAULT_QUEUE = "default";
}
