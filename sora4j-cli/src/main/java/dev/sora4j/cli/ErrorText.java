package dev.sora4j.cli;

import dev.sora4j.config.BaseUrls;
import dev.sora4j.config.Redact;
import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.rules.Suggest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/** The wording of the one {@code Error:} line: hints for known situations, secrets redacted, no doubled prefix. */
final class ErrorText {
    private static final Pattern ERROR_PREFIX = Pattern.compile("^(?:\\s*Error:\\s*)+", Pattern.CASE_INSENSITIVE);

    private ErrorText() {}

    /** {@code message} without leading {@code Error:} and with the base URL's user info and query hidden. */
    static String clean(String message, CliContext context, GlobalOptions global) {
        String m = ERROR_PREFIX.matcher(message == null ? "" : message).replaceFirst("");
        String url;
        try {
            url = context.baseUrl(global);
        } catch (SoraException e) {
            url = null; // the configuration itself is what failed; nothing to look up
        }
        return Redact.in(m, url);
    }

    /** What to add to a failed request's message: the default endpoint's removal, or a missing {@code /v1}. */
    static String hint(ApiException e, CliContext context, GlobalOptions global) {
        boolean notFoundOrUnreachable = e.status() == 0 || e.status() == 404;
        if (!notFoundOrUnreachable) {
            return "";
        }
        try {
            if (context.usesOpenAiEndpoint(global)) {
                return " " + BaseUrls.REMOVED_NOTICE;
            }
            if (e.status() == 404 && e.param() == null && !global.offline) {
                return BaseUrls.missingVersionHint(context.baseUrl(global))
                        .map(h -> " The base URL " + h)
                        .orElse("");
            }
        } catch (SoraException ignored) {
            // configuration errors are reported on their own
        }
        return "";
    }

    /** The one name within two edits of a mistyped command or option (picocli's own guesses are looser). */
    private static Optional<String> closest(String arg, CommandLine commandLine, boolean option) {
        String word = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        Collection<String> names = option
                ? commandLine.getCommandSpec().optionsMap().keySet()
                : commandLine.getSubcommands().keySet();
        return Suggest.closest(word, names);
    }

    /** A command-line mistake, with picocli's suggestions folded into the one line. */
    static String parameterMessage(CommandLine.ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            List<String> suggestions = closest(arg, e.getCommandLine(), unmatched.isUnknownOption())
                    .map(List::of)
                    .orElse(unmatched.getSuggestions());
            String did = suggestions.isEmpty()
                    ? ""
                    : "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
                            + "?";
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            if (unmatched.isUnknownOption()) {
                return "unknown option '" + arg + "' for " + command + did;
            }
            if (!e.getCommandLine().getSubcommands().isEmpty()) {
                return "'" + arg + "' is not a " + command + " command" + did
                        + (did.isEmpty() ? " (run `" + command + " --help` for the list)" : "");
            }
            return "unexpected argument '" + arg + "' for " + command + did
                    + " (values belong to options, e.g. --prompt \"...\")";
        }
        return ERROR_PREFIX
                .matcher(e.getMessage() == null ? "" : e.getMessage())
                .replaceFirst("");
    }
}
