package dev.sora4j.cli;

import dev.sora4j.queue.WorkQueue;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
    @Option(
            names = "--queue",
            paramLabel = "NAME",
            defaultValue = QueueCommand.DEFAULT_QUEUE,
            description = "The queue (default: default).")
    String queue;

    @Override
    int execute() {
        try (WorkQueue q = queue()) {
            int cancelled = q.cancel(queue);
            printValue(Map.of("queue", queue, "cancelled", cancelled));
            info("Cancelled " + cancelled + " pending line(s) of '" + queue + "'; lines in progress finish.");
        }
        return ExitCodes.OK;
    }
}
