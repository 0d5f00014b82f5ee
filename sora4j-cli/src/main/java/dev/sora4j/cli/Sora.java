package dev.sora4j.cli;

import dev.sora4j.ApiException;
import dev.sora4j.ConfigException;
import dev.sora4j.InvalidRequestException;
import dev.sora4j.JobFailedException;
import dev.sora4j.SoraException;
import dev.sora4j.WaitTimeoutException;
import java.util.Map;
import picocli.CommandLine;

/** The one factory that wires the command line; {@link Main} and the tests both go through it. */
final class Sora {
    private static final Map<String, String> FLAG_FOR_FIELD = Map.ofEntries(
            Map.entry("prompt", "--prompt"),
            Map.entry("model", "--model"),
            Map.entry("size", "--size"),
            Map.entry("seconds", "--seconds"),
            Map.entry("variant", "--variant"),
            Map.entry("character_id", "--character-id"),
            Map.entry("input_reference", "--input-reference"),
            Map.entry("input_reference_file_id", "--input-reference-file-id"),
            Map.entry("input_reference_url", "--input-reference-url"),
            Map.entry("poll_interval", "--poll-interval"),
            Map.entry("timeout", "--timeout"),
            Map.entry("profile", "--profile"),
            Map.entry("auth-header", "--auth-header"),
            Map.entry("id", "--id"),
            Map.entry("video_file", "--video-file"),
            Map.entry("name", "--name"));

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
        int code;
        String message;
        if (e instanceof InvalidRequestException invalid) {
            code = ExitCodes.INVALID_INPUT;
            message = withFlag(invalid);
        } else if (e instanceof ConfigException) {
            code = ExitCodes.CONFIG;
            message = e.getMessage();
        } else if (e instanceof ApiException api) {
            code = api.isAuthProblem() ? ExitCodes.CONFIG : ExitCodes.API_ERROR;
            message = describe(api) + ErrorText.hint(api, context, root.global);
        } else if (e instanceof JobFailedException) {
            code = ExitCodes.JOB_FAILED;
            message = e.getMessage();
        } else if (e instanceof WaitTimeoutException) {
            code = ExitCodes.TIMED_OUT;
            message = e.getMessage();
        } else if (e instanceof SoraException) {
            code = ExitCodes.FAILURE;
            message = e.getMessage();
        } else {
            code = ExitCodes.FAILURE;
            message = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (root.global.verbose ? "" : " (run with --verbose for details)");
        }
        context.err().println("Error: " + ErrorText.clean(message, context, root.global));
        if (root.global.verbose) {
            raw.printStackTrace(context.err());
        }
        context.err().flush();
        return code;
    }

    /** "size '1920x1080' is not allowed..." becomes "--size '1920x1080' is not allowed...". */
    private static String withFlag(InvalidRequestException e) {
        String msg = e.getMessage();
        String flag = e.field() == null ? null : FLAG_FOR_FIELD.get(e.field());
        if (flag != null && msg.startsWith(e.field() + " ")) {
            return flag + msg.substring(e.field().length());
        }
        return msg;
    }

    private static String describe(ApiException e) {
        StringBuilder sb = new StringBuilder();
        if (e.status() == 0) {
            return e.getMessage();
        }
        sb.append("the service answered HTTP ").append(e.status());
        if (e.code() != null) {
            sb.append(" (").append(e.code()).append(')');
        }
        sb.append(": ").append(e.getMessage());
        if (e.status() == 401) {
            sb.append(" Check OPENAI_API_KEY.");
        } else if (e.status() == 403) {
            sb.append(" The key lacks access to the Videos API on this endpoint.");
        } else if (e.status() == 404 && e.param() != null && e.param().equals("video_id")) {
            sb.append(" Check --id (run `sora list` to see your videos).");
        }
        if (e.requestId() != null) {
            sb.append(" [request ").append(e.requestId()).append(']');
        }
        return sb.toString();
    }
}
