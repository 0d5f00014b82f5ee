package dev.sora4j.cli;

import dev.sora4j.batchapi.BatchApiStore;
import dev.sora4j.batchapi.SoraBatches;
import dev.sora4j.spi.BatchApiGateway;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List batches, newest first.")
final class BatchListCommand extends BatchSubcommand {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Page size 1-100 (default 20).")
    int limit;

    @Option(names = "--after", paramLabel = "ID", description = "Start after this batch id (the previous page's last).")
    String after;

    @Override
    int execute() {
        try (BatchApiStore store = openStore()) {
            BatchApiGateway.BatchPage page = SoraBatches.of(client(), store).list(limit, Optional.ofNullable(after));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", page.data().stream().map(BatchSubcommand::summary).toList());
            out.put("has_more", page.hasMore());
            printValue(out);
        }
        return ExitCodes.OK;
    }
}
