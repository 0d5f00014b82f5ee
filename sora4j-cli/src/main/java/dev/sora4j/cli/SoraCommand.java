package dev.sora4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and holds the global options. */
@Command(
        name = "sora",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Create and manage AI videos through the Videos API (Sora), or against the local emulator.",
            "",
            "Examples:",
            "  sora --offline create-and-poll --prompt \"A paper boat on a pond\" --download --out boat.mp4",
            "  sora create --prompt \"A lighthouse at dusk\" --model sora-2-pro --size 1920x1080 --seconds 8",
            "  sora status --id video_123",
        },
        subcommands = {
            CreateCommand.class,
            CreateAndPollCommand.class,
            EditCommand.class,
            ExtendCommand.class,
            RemixCommand.class,
            CreateCharacterCommand.class,
            GetCharacterCommand.class,
            CreateBatchCommand.class,
            BatchCommand.class,
            WebhooksCommand.class,
            PollCommand.class,
            StatusCommand.class,
            ListCommand.class,
            DownloadCommand.class,
            DeleteCommand.class,
            JobsCommand.class,
            ResumeCommand.class,
            EmulatorCommand.class,
            CommandLine.HelpCommand.class,
        },
        footerHeading = "%nConfiguration:%n",
        footer = {
            "  OPENAI_API_KEY     API key (required for live calls; never written anywhere by sora).",
            "  OPENAI_BASE_URL    API root including /v1, e.g. a gateway or `sora emulator`'s URL.",
            "  SORA4J_PROFILE     guide | spec | open.   SORA4J_HOME   data dir (default ~/.sora4j).",
            "  SORA4J_LEDGER      the job ledger (default ~/.sora4j/ledger.db; --ledger PATH).",
            "  ~/.sora4j/config.properties   base-url=..., profile=..., auth-header=..., price.MODEL=USD (flags win).",
            "",
            "Exit codes:",
            "  0 ok, 1 failure, 2 invalid input (before any request), 3 service error,",
            "  4 configuration/auth (no key, 401/403), 5 video failed/expired/cancelled,",
            "  6 timed out waiting, 70 internal error (a bug), 130 interrupted.",
        })
final class SoraCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final CliContext context;

    SoraCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }
}
