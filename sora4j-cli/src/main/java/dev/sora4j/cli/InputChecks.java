package dev.sora4j.cli;

import dev.sora4j.config.BaseUrls;
import dev.sora4j.errors.InvalidRequestException;
import dev.sora4j.options.AuthHeader;
import dev.sora4j.rules.Profile;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Checks every command makes before its own work: the global flags, and that its {@code --json-out}
 * can be written. All of it is local, so a mistake costs no request.
 */
final class InputChecks {
    private InputChecks() {}

    static void beforeExecute(BaseCommand command) {
        GlobalOptions global = command.global();
        if (global.offline && global.baseUrl != null) {
            throw new InvalidRequestException(
                    null,
                    "--offline and --base-url contradict each other: --offline uses the local emulator. Drop one of"
                            + " them.");
        }
        if (global.offline && global.provider != null) {
            throw new InvalidRequestException(
                    "provider",
                    "--offline and --provider contradict each other: the local emulator speaks OpenAI's protocol."
                            + " Drop --offline and run `sora emulator --dialect NAME` with --base-url, or drop --provider.");
        }
        if (global.baseUrl != null) {
            BaseUrls.problem(global.baseUrl).ifPresent(problem -> {
                throw new InvalidRequestException(null, "--base-url " + problem);
            });
            BaseUrls.missingVersionHint(global.baseUrl).ifPresent(hint -> command.warn("--base-url " + hint));
        }
        if (global.profile != null) {
            Profile.parse(global.profile);
        }
        if (global.authHeader != null) {
            AuthHeader.parse(global.authHeader);
        }
        for (CommandSpec mixin : command.commandSpec.mixins().values()) {
            if (mixin.userObject() instanceof JsonOutOption json) {
                json.preflight(command.commandSpec.name(), command.force());
            }
        }
    }
}
