package dev.sora4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code sora batch}, {@code queue}, {@code skill},
 * {@code webhooks}): run alone, it prints its usage on stderr.
 */
abstract class CommandGroup implements Runnable {
    @ParentCommand
    SoraCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.context().err());
    }

    CliContext context() {
        return root.context();
    }

    GlobalOptions global() {
        return root.global;
    }
}
