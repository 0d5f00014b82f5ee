package dev.sora4j.cli;

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
            context.err().println("Error: " + e.getMessage());
            context.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            context.err().flush();
            return ExitCodes.INVALID_INPUT;
        });
        return cl;
    }

    private static int handle(Exception e, SoraCommand root, CliContext context) {
        ErrorReport report = ErrorReport.of(e, root.global.verbose);
        context.err().println("Error: " + report.message());
        if (root.global.verbose) {
            e.printStackTrace(context.err());
        }
        context.err().flush();
        return report.code();
    }
}
