package dev.sora4j.cli.gallery;

/**
 * What an action did.
 *
 * @param command the equivalent {@code sora} command
 * @param videoId the new job's id (edit, extend, remix), else null
 * @param message one line for the page (e.g. where the file went)
 * @param error why it failed, as the CLI would print it, else null
 * @param exitCode the CLI's exit code
 */
public record ActionResult(String command, String videoId, String message, String error, int exitCode) {
    /**
     * A failed action.
     *
     * @param command the equivalent command
     * @param error one line
     * @param exitCode the CLI's exit code
     * @return the result
     */
    public static ActionResult failed(String command, String error, int exitCode) {
        return new ActionResult(command, null, null, error, exitCode);
    }
}
