package dev.sora4j.cli;

/** The documented exit codes of {@code sora}; also printed by {@code sora --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something failed that is none of the below (e.g. some batch jobs failed). */
    public static final int FAILURE = 1;
    /** Invalid input, found before any request was sent. */
    public static final int INVALID_INPUT = 2;
    /** The service refused or failed a request, or could not be reached. */
    public static final int API_ERROR = 3;
    /** Configuration or authentication: no API key, 401/403. */
    public static final int CONFIG = 4;
    /** The video job ended failed, expired or cancelled. */
    public static final int JOB_FAILED = 5;
    /** Timed out waiting for a job (the job itself continues). */
    public static final int TIMED_OUT = 6;
    /** An unexpected internal error (a bug in sora4j), as {@code EX_SOFTWARE}. */
    public static final int INTERNAL = 70;
    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    static final String[] HELP_LINES = {
        "0:Success.",
        "1:Some jobs failed (create-batch), or another failure not covered below.",
        "2:Invalid input, found before any request (bad flag value, missing file, output exists).",
        "3:The service refused or failed a request, or could not be reached.",
        "4:Configuration or authentication problem (no OPENAI_API_KEY, HTTP 401/403).",
        "5:The video job ended failed, expired or cancelled.",
        "6:Timed out waiting (--timeout); the job continues on the server.",
        "70:Internal error (a bug in sora4j; --verbose shows the stack trace).",
        "130:Interrupted.",
    };

    private ExitCodes() {}
}
