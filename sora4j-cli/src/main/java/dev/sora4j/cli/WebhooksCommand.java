package dev.sora4j.cli;

import picocli.CommandLine.Command;

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
final class WebhooksCommand extends CommandGroup {}
