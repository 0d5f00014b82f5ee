package dev.sora4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sora webhooks}: receive the service's signed event deliveries. */
@Command(
        name = "webhooks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Receive webhook events (video.completed, video.failed, batch.*) instead of polling.",
            "",
            "Example:",
            "  sora webhooks listen --secret-file secret.txt --port 8787 --out-dir out/",
        },
        subcommands = {WebhooksListenCommand.class})
final class WebhooksCommand implements Runnable {
    @ParentCommand
    SoraCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(root.context().err());
    }
}
