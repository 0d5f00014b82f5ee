package dev.sora4j.cli;

import picocli.CommandLine.Option;

/** {@code --queue NAME}, for the commands that act on one queue (default {@code default}). */
final class QueueOption {
    @Option(
            names = "--queue",
            paramLabel = "NAME",
            defaultValue = QueueCommand.DEFAULT_QUEUE,
            description = "The queue (default: default).")
    String name;
}
