package dev.sora4j.cli;

import dev.sora4j.batchapi.BatchApiStore;
import dev.sora4j.batchapi.SoraBatches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Cancel a batch; its unfinished videos end as failed (finished ones stay collectable).")
final class BatchCancelCommand extends BatchSubcommand {
    @Parameters(index = "0", paramLabel = "ID", description = "batch_... or @last.")
    String id;

    @Override
    int execute() {
        try (BatchApiStore store = openStore()) {
            printValue(summary(SoraBatches.of(client(), store).cancel(id)));
        }
        return ExitCodes.OK;
    }
}
