package dev.sora4j.cli;

import dev.sora4j.errors.ApiException;
import picocli.CommandLine;

/** The one factory that wires the command line; {@link Main} and the tests both go through it. */
final class Sora {
    private Sora() {}

    static CommandLine commandLine(CliContext context) {
        SoraCommand root = new SoraCommand(context);
        CommandLine cl = new CommandLine(root);
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, root, context));
        cl.setParameterExceptionHandler((e, args) -> {
            context.err().println("Error: " + ErrorText.parameterMessage(e));
            context.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            context.err().flush();
            return ExitCodes.INVALID_INPUT;
        });
        return cl;
    }

    private static int handle(Exception raw, SoraCommand root, CliContext context) {
        Exception e = KnownFailures.translate(raw, root);
        ErrorReport report = ErrorReport.of(e, root.global.verbose);
        String message = report.message();
        if (e instanceof ApiException api) {
            message += ErrorText.hint(api, context, root.global);
        }
        context.err().println("Error: " + ErrorText.clean(message, context, root.global));
        if (root.global.verbose) {
            raw.printStackTrace(context.err());
        }
        context.err().flush();
        return report.code();
    }
}
