package dev.sora4j.cli;

import dev.sora4j.errors.ApiException;
import dev.sora4j.errors.ConfigException;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.errors.JobFailedException;
import dev.sora4j.errors.SoraException;
import dev.sora4j.errors.SoraInterruptedException;
import dev.sora4j.errors.WaitTimeoutException;
import dev.sora4j.guard.ContentRefusedException;
import dev.sora4j.guard.Verdict;

/**
 * Turns an exception that reached the top of a command into its exit code and one line for the
 * user: the library's exceptions by type, anything else as an internal error (exit 70).
 *
 * @param code the exit code from {@link ExitCodes}
 * @param message the line to print after {@code Error: }
 */
record ErrorReport(int code, String message) {
    static ErrorReport of(Exception e, boolean verbose) {
        if (e instanceof ContentRefusedException refused) {
            return new ErrorReport(ExitCodes.INVALID_INPUT, refusal(refused.verdict()));
        }
        if (e instanceof InvalidRequestException invalid) {
            return new ErrorReport(ExitCodes.INVALID_INPUT, FlagNames.render(invalid));
        }
        if (e instanceof ConfigException config) {
            String hint = "api_key".equals(config.setting())
                    ? " Export it, or pass --offline to use the local emulator."
                    : "";
            return new ErrorReport(ExitCodes.CONFIG, FlagNames.render(config) + hint);
        }
        if (e instanceof ApiException api) {
            return new ErrorReport(api.isAuthProblem() ? ExitCodes.CONFIG : ExitCodes.API_ERROR, describe(api));
        }
        if (e instanceof JobFailedException) {
            return new ErrorReport(ExitCodes.JOB_FAILED, e.getMessage());
        }
        if (e instanceof WaitTimeoutException timeout) {
            return new ErrorReport(
                    ExitCodes.TIMED_OUT,
                    timeout.getMessage() + " Run `sora poll --id "
                            + timeout.lastSeen().id() + "` to keep waiting.");
        }
        if (e instanceof SoraInterruptedException interrupted) {
            return new ErrorReport(ExitCodes.INTERRUPTED, FlagNames.render(interrupted) + resumeHint(interrupted));
        }
        if (e instanceof SoraException sora) {
            return new ErrorReport(ExitCodes.FAILURE, FlagNames.render(sora));
        }
        return new ErrorReport(
                ExitCodes.INTERNAL,
                verbose
                        ? "internal error (" + e.getClass().getName() + ": " + e.getMessage()
                                + "); this is a bug in sora4j"
                        : "internal error: " + e.getMessage() + "; this is a bug in sora4j"
                                + " (run with --verbose for details)");
    }

    /** One line per refused category, under a first line that says nothing was sent. */
    static String refusal(Verdict verdict) {
        StringBuilder sb = new StringBuilder("the content guardrails refused this request; nothing was sent:");
        for (String line : verdict.refusalLines()) {
            sb.append(System.lineSeparator()).append("  ").append(line);
        }
        return sb.toString();
    }

    private static String resumeHint(SoraInterruptedException e) {
        return e.getMessage().contains("batch") ? " Run `sora resume` to continue." : "";
    }

    private static String describe(ApiException e) {
        if (e.status() == 0) {
            return FlagNames.render(e);
        }
        StringBuilder sb = new StringBuilder("the service answered HTTP ").append(e.status());
        if (e.code() != null) {
            sb.append(" (").append(e.code()).append(')');
        }
        sb.append(": ").append(FlagNames.render(e));
        if (e.status() == 401) {
            sb.append(" Check OPENAI_API_KEY.");
        } else if (e.status() == 403) {
            sb.append(" The key lacks access to the Videos API on this endpoint.");
        } else if (e.status() == 404 && e.param() != null && e.param().equals("video_id")) {
            sb.append(" Check --id (run `sora list` to see your videos).");
        } else if (e.mayHaveSucceeded()) {
            // Creates are not resent after a 5xx: the server may have made the job before failing.
            sb.append(" If this was a create, edit, remix or extension, the server may have made the job anyway;"
                    + " it was not sent again (that could pay twice): `sora list` shows the server's jobs, and"
                    + " `sora jobs` keeps the request as unknown.");
        }
        if (e.requestId() != null) {
            sb.append(" [request ").append(e.requestId()).append(']');
        }
        return sb.toString();
    }
}
