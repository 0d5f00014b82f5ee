package dev.sora4j.cli;

import dev.sora4j.queue.QueueStatus;
import dev.sora4j.queue.WorkQueue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sora queue status}: progress, spend and failures across all workers. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Show a queue's progress (lines pending, claimed by each worker, done, failed, skipped, cancelled),",
            "its budget and its spend (the estimated cost of every job the service created, from the ledger),",
            "and the failed lines; without --queue every queue.",
            "",
            "Example:",
            "  sora queue status --queue teaser",
        })
final class QueueStatusCommand extends QueueSubcommand {
    @Option(names = "--queue", paramLabel = "NAME", description = "The queue (default: every queue).")
    String queue;

    @Override
    int execute() {
        try (WorkQueue q = queue()) {
            List<String> names = queue == null ? q.names() : List.of(queue);
            List<Object> rows = new ArrayList<>();
            for (String name : names) {
                QueueStatus s = q.status(name);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("queue", s.queue());
                row.putAll(s.counts());
                row.put("max_cost", s.maxCost());
                row.put("reserved", round(s.reserved()));
                row.put("spent", round(s.spent()));
                row.put("cancelled", s.cancelled());
                row.put("workers", s.workers());
                row.put("failures", s.failures());
                rows.add(row);
                info(String.format(
                        Locale.ROOT,
                        "%s: %d pending, %d claimed, %d done, %d failed, %d skipped; spent $%.2f%s%s",
                        s.queue(),
                        s.counts().get("pending"),
                        s.counts().get("claimed"),
                        s.counts().get("done"),
                        s.counts().get("failed"),
                        s.counts().get("skipped"),
                        s.spent(),
                        s.maxCost() == null ? "" : String.format(Locale.ROOT, " of $%.2f", s.maxCost()),
                        s.cancelled() ? " (cancelled)" : ""));
            }
            if (names.isEmpty()) {
                info("No queues yet; add one with `sora queue add --input jobs.jsonl`.");
            }
            printValue(queue == null ? rows : rows.get(0));
        }
        return ExitCodes.OK;
    }

    private static double round(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
