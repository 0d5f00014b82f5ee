package dev.sora4j.cli;

import dev.sora4j.SoraClient;
import dev.sora4j.queue.WorkQueue;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every {@code sora queue ...} subcommand shares: the context, the queue tables, output helpers. */
abstract class QueueSubcommand implements Callable<Integer> {
    @ParentCommand
    QueueCommand parent;

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    abstract int execute() throws Exception;

    CliContext context() {
        return parent.root.context();
    }

    GlobalOptions global() {
        return parent.root.global;
    }

    WorkQueue queue() {
        return TeamLedger.queue(context(), global(), "sora queue");
    }

    SoraClient previewClient() {
        return context().previewClient(global());
    }

    void info(String line) {
        context().err().println(line);
        context().err().flush();
    }

    void warn(String line) {
        info("Warning: " + FlagNames.render(line));
    }

    void printValue(Object value) {
        context().out().println(Json.pretty(value));
        context().out().flush();
    }
}
