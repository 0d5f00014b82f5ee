package dev.sora4j.cli.gallery;

import java.util.List;

/**
 * What an action would do, shown before the user confirms; nothing has been sent.
 *
 * @param command the equivalent {@code sora} command
 * @param estimatedCostUsd the estimate, or null when none is known (or the action costs nothing)
 * @param costNote how the estimate was made, or why there is none
 * @param warnings things the user should know first (e.g. remix is legacy)
 * @param error why the action cannot be done (a local check refused it), else null
 * @param exitCode the exit code the CLI would end with for {@code error}, else 0
 */
public record ActionPreview(
        String command, Double estimatedCostUsd, String costNote, List<String> warnings, String error, int exitCode) {
    public ActionPreview {
        warnings = List.copyOf(warnings);
    }

    /**
     * A preview refused by a local check.
     *
     * @param command the equivalent command, or null when it cannot be built
     * @param error one line naming the input and the fix
     * @param exitCode the CLI's exit code for it
     * @return the preview
     */
    public static ActionPreview refused(String command, String error, int exitCode) {
        return new ActionPreview(command, null, null, List.of(), error, exitCode);
    }
}
