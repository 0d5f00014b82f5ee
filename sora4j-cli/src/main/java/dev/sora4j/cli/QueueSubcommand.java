package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.queue.WorkQueue;

/** What every {@code sora queue ...} subcommand shares: the context, the queue tables, output helpers. */
abstract class QueueSubcommand extends GroupSubcommand {
    WorkQueue queue() {
        return TeamLedger.queue(context(), global(), "sora queue");
    }

    SoraClient previewClient() {
        return context().previewClient(global());
    }
}
