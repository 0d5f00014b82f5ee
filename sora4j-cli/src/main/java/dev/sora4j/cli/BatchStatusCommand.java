package dev.sora4j.cli;

import dev.sora4j.batchapi.BatchApiStore;
import dev.sora4j.batchapi.BatchWaitTimeoutException;
import dev.sora4j.batchapi.SoraBatches;
import dev.sora4j.spi.BatchInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Show a batch (default @last, the newest one submitted here); --wait polls until it ends.",
            "Exit 5 when it ended failed, expired or cancelled; 6 when --timeout passed first.",
        })
final class BatchStatusCommand extends BatchSubcommand {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "ID",
            defaultValue = "@last",
            description = "batch_... or @last.")
    String id;

    @Option(names = "--wait", description = "Poll until the batch completes, fails, expires or is cancelled.")
    boolean await;

    @Mixin
    PollingOptions polling;

    @Override
    int execute() {
        try (BatchApiStore store = openStore()) {
            SoraBatches batches = SoraBatches.of(client(), store);
            BatchInfo b;
            if (await) {
                try {
                    b = batches.waitFor(
                            id,
                            polling.toOptions(global().offline),
                            s -> info(s.id() + ": " + s.status() + " (" + s.completed() + "/" + s.total() + " done, "
                                    + s.failed() + " failed)"));
                } catch (BatchWaitTimeoutException e) {
                    printValue(summary(e.lastSeen()));
                    info("Error: " + e.getMessage());
                    return ExitCodes.TIMED_OUT;
                }
            } else {
                b = batches.status(id);
            }
            printValue(summary(b));
            return await && b.terminal() && !b.status().equals("completed") ? ExitCodes.JOB_FAILED : ExitCodes.OK;
        }
    }
}
