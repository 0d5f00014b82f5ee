package dev.sora4j.cli;

import java.util.concurrent.Callable;
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
            "",
            "OpenAI's hosted Videos API was removed on 2026-09-24. Point --base-url or OPENAI_BASE_URL at a",
            "gateway that serves /v1/videos (e.g. a LiteLLM proxy: http://localhost:4000/v1), or use --offline.",
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
            QueueCommand.class,
            WorkerCommand.class,
            WebhooksCommand.class,
            PollCommand.class,
            StatusCommand.class,
            ListCommand.class,
            DownloadCommand.class,
            DeleteCommand.class,
            JobsCommand.class,
            GalleryCommand.class,
            ResumeCommand.class,
            EmulatorCommand.class,
            ProvidersCommand.class,
            DoctorCommand.class,
            SkillCommand.class,
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
            "",
            "Warnings: --force or --variant without --download (create-and-poll, poll) only warn;",
            "  --offline with --base-url is refused.",
        })
final class SoraCommand implements Callable<Integer> {
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

    /** {@code sora} alone: the usage on stderr and exit 2, so that a script notices the missing command. */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        context.err()
                .println(
                        "Error: missing command; pick one of the commands above, e.g. `sora create --prompt \"...\"`.");
        context.err().flush();
        return ExitCodes.INVALID_INPUT;
    }
}
