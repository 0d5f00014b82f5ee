package dev.sora4j.cli;

import picocli.CommandLine.Option;

/** {@code --id}: the video job a command acts on. */
final class IdOption {
    @Option(
            names = "--id",
            required = true,
            paramLabel = "VIDEO_ID",
            description = "The video job id (video_...), or @last / @N from the ledger (`sora jobs`).")
    String id;

    /** The id, with {@code @last} / {@code @N} looked up in the ledger. */
    String resolve(BaseCommand command) {
        return IdRefs.resolve(id, () -> command.context().ledger(command.global()), false);
    }
}
