package dev.sora4j.cli;

import dev.sora4j.queue.WorkQueue;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sora queue cancel}: no worker claims the queue's pending lines any more. */
@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Cancel a queue: its pending lines are never sent; lines a worker already holds finish. Adding",
            "lines to the queue again reopens it.",
            "",
            "Example:",
            "  sora queue cancel --queue teaser",
        })
final class QueueCancelCommand extends QueueSubcommand {
    @Mixin
    QueueOption queueOption;

    @Override
    int execute() {
        try (WorkQueue q = queue()) {
            int cancelled = q.cancel(queueOption.name);
            printValue(Map.of("queue", queueOption.name, "cancelled", cancelled));
            info("Cancelled " + cancelled + " pending line(s) of '" + queueOption.name
                    + "'; lines in progress finish.");
        }
        return ExitCodes.OK;
    }
}
