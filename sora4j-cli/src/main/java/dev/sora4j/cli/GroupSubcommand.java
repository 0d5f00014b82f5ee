package dev.sora4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What the subcommands of a {@link CommandGroup} share: the run's context and the output helpers. */
abstract class GroupSubcommand implements Callable<Integer> {
    @ParentCommand
    CommandGroup parent;

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    abstract int execute() throws Exception;

    CliContext context() {
        return parent.context();
    }

    GlobalOptions global() {
        return parent.global();
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
